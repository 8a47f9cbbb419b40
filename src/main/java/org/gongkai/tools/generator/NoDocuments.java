package org.gongkai.tools.generator;

/** The sink of a run that renders no documents, so the writer knows it need not keep reports for it. */
enum NoDocuments implements DocumentSink {
    INSTANCE;

    @Override
    public void accept(GeneratedReport report) {}

    @Override
    public long written() {
        return 0;
    }
}
