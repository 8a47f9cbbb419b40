package org.gongkai.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.gongkai.documents.IngestCommand;
import org.gongkai.tools.generator.CorpusGenerator;
import org.gongkai.tools.generator.CorpusWriter;
import org.gongkai.tools.generator.GeneratorOptions;
import org.gongkai.tools.generator.RenderedDocuments;
import org.gongkai.tools.rendering.Layout;
import org.gongkai.tools.rendering.ReportRenderer;
import picocli.CommandLine;

/**
 * Documents in through {@code gongkai ingest}: a folder of generated documents (the official HTML tables, as
 * {@code generate --documents-every 1} writes them) sent to the running service as a user would, timed end to end,
 * after a folder of {@code warmUp} others sent untimed (on two busy cores the JIT is still compiling the document path
 * after the first few thousand documents: the HTML parse alone is ten times slower before; a crawl feeds a warm one).
 * The documents are drawn from seeds of this run's own, so that a {@code --reuse} run sends bytes the database has not
 * seen (it adds their reports to it: this phase runs last).
 */
final class IngestPhase {

    private IngestPhase() {}

    static Map<String, Object> run(
            ServiceProcess service, Path out, int documents, int warmUp, long seed, int batch, int concurrency)
            throws IOException {
        if (warmUp > 0) {
            Path warm = render(out, "ingest-warm-up", warmUp, seed + 1);
            int exit = ingest(service, warm, batch, concurrency);
            System.out.printf("gongkai ingest of %,d documents to warm up, untimed (exit %d)%n", warmUp, exit);
        }
        Path folder = render(out, "ingest-documents", documents, seed);
        long files;
        try (Stream<Path> all = Files.walk(folder)) {
            files = all.filter(Files::isRegularFile).count();
        }
        long t0 = System.nanoTime();
        int exit = ingest(service, folder, batch, concurrency);
        double seconds = BenchResults.seconds(t0);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("documents", files);
        row.put("warm_up_documents", warmUp);
        row.put("batch", batch);
        row.put("concurrency", concurrency);
        row.put("seconds", seconds);
        row.put("documents_per_second", files / seconds);
        row.put("exit", exit);
        System.out.printf(
                "gongkai ingest of %,d documents (batch %d, %d at once, after %,d untimed): %.1f s = %,.0f"
                        + " documents/s (exit %d)%n",
                files, batch, concurrency, warmUp, seconds, files / seconds, exit);
        return row;
    }

    /** {@code reports} generated reports rendered as HTML documents into {@code out/name}. */
    private static Path render(Path out, String name, int reports, long seed) throws IOException {
        Path folder = out.resolve(name);
        deleteTree(folder);
        ReportRenderer renderer = ReportRenderer.standard();
        new CorpusWriter(
                        out.resolve(name + "-corpus"),
                        false,
                        false,
                        new RenderedDocuments(folder, r -> renderer.render(r, Layout.HTML_TABLE), "html", 1),
                        2)
                .write(new CorpusGenerator(
                        GeneratorOptions.defaults().withReports(reports).withSeed(seed)));
        return folder;
    }

    private static int ingest(ServiceProcess service, Path folder, int batch, int concurrency) {
        return new CommandLine(new IngestCommand())
                .execute(
                        folder.toString(),
                        "--url",
                        service.baseUrl(),
                        "--token",
                        service.token(),
                        "--batch",
                        Integer.toString(batch),
                        "--concurrency",
                        Integer.toString(concurrency));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
