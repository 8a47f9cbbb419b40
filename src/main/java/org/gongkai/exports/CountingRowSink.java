package org.gongkai.exports;

import java.util.List;
import org.gongkai.queries.Column;
import org.gongkai.queries.RowSink;

/** Passes rows on to a writer and counts them, for the sources sheet and the run record. */
final class CountingRowSink implements RowSink {

    private final RowSink target;
    private long rows;

    CountingRowSink(RowSink target) {
        this.target = target;
    }

    @Override
    public void header(List<Column> columns) {
        target.header(columns);
    }

    @Override
    public void row(List<Object> cells) {
        target.row(cells);
        rows++;
    }

    long rows() {
        return rows;
    }
}
