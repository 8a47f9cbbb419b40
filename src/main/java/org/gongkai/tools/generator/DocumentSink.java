package org.gongkai.tools.generator;

import java.io.IOException;

/**
 * Where rendered documents of generated reports go. The generator renders nothing itself: the hook is wired to
 * {@code org.gongkai.tools.rendering.ReportRenderer} through {@link RenderedDocuments}.
 */
public interface DocumentSink extends AutoCloseable {

    /** Called once per generated report, in corpus order. */
    void accept(GeneratedReport report) throws IOException;

    /** How many documents were written so far. */
    long written();

    @Override
    default void close() throws IOException {}

    /** A sink that renders nothing. */
    static DocumentSink none() {
        return NoDocuments.INSTANCE;
    }
}
