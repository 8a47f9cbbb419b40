package org.gongkai.queries;

import java.util.List;

/** Receives a query result row by row, so exports stream without holding the result in memory. */
public interface RowSink {

    void header(List<Column> columns);

    void row(List<Object> cells);
}
