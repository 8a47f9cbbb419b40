package org.gongkai.tools.generator;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.gongkai.canonical.CanonicalReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Generates a deterministic national corpus of annual reports with its ground truth, from the command line. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description =
                "Generates reports.ndjson (POST /api/reports bodies) and truth.ndjson (expected figures, faults).")
public class GenerateCommand implements Callable<Integer> {

    @Option(
            names = "--reports",
            defaultValue = "10000",
            description = "Exact number of reports (default ${DEFAULT-VALUE}).")
    long reports;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--fault-share",
            defaultValue = "0.02",
            description = "Share of reports with one injected fault (default ${DEFAULT-VALUE}).")
    double faultShare;

    @Option(names = "--out", defaultValue = "generated", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--from", defaultValue = "2015", description = "First year (default ${DEFAULT-VALUE}).")
    int from;

    @Option(names = "--to", defaultValue = "2026", description = "Last year (default ${DEFAULT-VALUE}).")
    int to;

    @Option(names = "--gzip", description = "Write reports.ndjson.gz and truth.ndjson.gz.")
    boolean gzip;

    @Option(
            names = "--threads",
            defaultValue = "1",
            description = "Worker threads; the output is the same for any count (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--no-truth", description = "Skip truth.ndjson (the ground truth).")
    boolean noTruth;

    @Option(
            names = "--documents-every",
            defaultValue = "0",
            description = "Render one report in N as a document (HTML tables) under OUT/documents.")
    long documentsEvery;

    @Option(names = "--documents-extension", defaultValue = "html", description = "Extension of rendered documents.")
    String documentsExtension;

    private Function<CanonicalReport, String> renderer;

    /** How a report becomes a document; {@code GongkaiCommands} wires {@code ReportRenderer}'s HTML tables. */
    public GenerateCommand withRenderer(Function<CanonicalReport, String> renderer) {
        this.renderer = renderer;
        return this;
    }

    @Override
    public Integer call() throws Exception {
        CorpusGenerator generator;
        try {
            if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1");
            generator = new CorpusGenerator(new GeneratorOptions(reports, seed, faultShare, from, to));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        DocumentSink documents = DocumentSink.none();
        if (documentsEvery > 0) {
            if (renderer == null) {
                System.err.println("--documents-every needs a renderer; none is wired into this command");
                return 2;
            }
            documents = new RenderedDocuments(out.resolve("documents"), renderer, documentsExtension, documentsEvery);
        }
        CorpusSummary summary = new CorpusWriter(out, gzip, !noTruth, documents, threads).write(generator);
        System.out.println(summary);
        return 0;
    }
}
