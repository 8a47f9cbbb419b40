package org.gongkai.queries;

import java.util.List;

/** Receives a query result row by row, so exports stream without holding the result in memory. */
public interface RowSink {

    /** Takes nothing (for a caller that keeps the rows another way). */
    RowSink NONE = new RowSink() {
        @Override
        public void header(List<Column> columns) {}

        @Override
        public void row(List<Object> cells) {}
    };

    void header(List<Column> columns);

    void row(List<Object> cells);
}
