package org.gongkai.exports;

import org.gongkai.queries.RowSink;

/**
 * A streaming file writer: a header, rows one at a time, then {@link #finish} with what the rows came from. Memory
 * stays flat whatever the number of rows; the output stream stays open for its owner to close.
 */
public interface TableWriter extends RowSink {

    /** Writes what only the end of the stream knows (coverage, report ids) and flushes everything. */
    void finish(ExportSources sources);

    /** How many data rows were written. */
    long rows();
}
