package org.gongkai.tools.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.gongkai.canonical.CanonicalReport;

/**
 * Writes every n-th generated report as a document rendered by a function supplied from outside (the application wires
 * {@code ReportRenderer} in), one file per report under a folder per province: {@code 230000/231000-education-2019.html}.
 */
public final class RenderedDocuments implements DocumentSink {

    private final Path directory;
    private final Function<CanonicalReport, String> renderer;
    private final String extension;
    private final long every;
    private long seen;
    private long written;

    /**
     * @param every render one report in this many (1 renders all)
     * @param extension file name extension without the dot (html, txt, tsv)
     */
    public RenderedDocuments(Path directory, Function<CanonicalReport, String> renderer, String extension, long every) {
        if (every < 1) throw new IllegalArgumentException("every must be at least 1");
        this.directory = directory;
        this.renderer = renderer;
        this.extension = extension;
        this.every = every;
    }

    @Override
    public void accept(GeneratedReport generated) throws IOException {
        if (seen++ % every != 0) return;
        Agency agency = generated.agency();
        Path folder = directory.resolve(agency.provinceCode());
        Files.createDirectories(folder);
        String name = agency.regionCode() + "-" + agency.department().key() + "-"
                + generated.report().year() + "." + extension;
        Files.writeString(folder.resolve(name), renderer.apply(generated.report()), StandardCharsets.UTF_8);
        written++;
    }

    @Override
    public long written() {
        return written;
    }
}
