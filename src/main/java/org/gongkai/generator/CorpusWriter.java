package org.gongkai.generator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Streams a corpus to {@code reports.ndjson} (one API submission per line) and {@code truth.ndjson} (the ground truth,
 * line for line), optionally gzipped, and hands each report to a {@link DocumentSink}.
 */
public final class CorpusWriter {

    private final Path directory;
    private final boolean gzip;
    private final boolean truth;
    private final DocumentSink documents;

    public CorpusWriter(Path directory, boolean gzip, boolean truth, DocumentSink documents) {
        this.directory = directory;
        this.gzip = gzip;
        this.truth = truth;
        this.documents = documents == null ? DocumentSink.none() : documents;
    }

    public CorpusSummary write(CorpusGenerator generator) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(directory);
        String suffix = gzip ? ".ndjson.gz" : ".ndjson";
        Path reportsFile = directory.resolve("reports" + suffix);
        Path truthFile = truth ? directory.resolve("truth" + suffix) : null;
        SubmissionJson submissions = SubmissionJson.standard();
        TruthJson truths = TruthJson.standard();
        long reports = 0;
        long faulty = 0;
        StringBuilder line = new StringBuilder(16_384);
        try (Writer reportsOut = open(reportsFile);
                Writer truthOut = truth ? open(truthFile) : Writer.nullWriter();
                DocumentSink sink = documents) {
            Iterator<GeneratedReport> it = generator.reports().iterator();
            while (it.hasNext()) {
                GeneratedReport generated = it.next();
                line.setLength(0);
                submissions.append(generated.report(), line);
                line.append('\n');
                reportsOut.append(line);
                if (truth) {
                    line.setLength(0);
                    truths.append(generated, line);
                    line.append('\n');
                    truthOut.append(line);
                }
                sink.accept(generated);
                reports++;
                if (generated.faulty()) faulty++;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (Exception e) {
            if (e instanceof IOException io) throw io;
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new CorpusSummary(
                reports,
                generator.agencies().size(),
                faulty,
                documents.written(),
                seconds,
                reportsFile,
                Files.size(reportsFile),
                truthFile,
                truthFile == null ? 0 : Files.size(truthFile));
    }

    private Writer open(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        if (gzip) {
            // Fastest level: the lines repeat the same keys, so even level 1 shrinks them about tenfold.
            out = new GZIPOutputStream(out, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
        }
        return new OutputStreamWriter(new BufferedOutputStream(out, 1 << 20), StandardCharsets.UTF_8);
    }
}
