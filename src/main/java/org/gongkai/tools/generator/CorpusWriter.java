package org.gongkai.tools.generator;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Streams a corpus to {@code reports.ndjson} (one API submission per line) and {@code truth.ndjson} (the ground truth,
 * line for line), optionally gzipped, and hands each report to a {@link DocumentSink}. Agencies are serialised in
 * batches, on worker threads if asked, and written in corpus order, so the bytes do not depend on the thread count;
 * only a bounded number of batches is in flight, so memory does not grow with the corpus.
 */
public final class CorpusWriter {

    private static final int AGENCIES_PER_BATCH = 16;

    private final Path directory;
    private final boolean gzip;
    private final boolean truth;
    private final DocumentSink documents;
    private final int threads;

    /** @param threads worker threads serialising batches; 1 does everything on the calling thread */
    public CorpusWriter(Path directory, boolean gzip, boolean truth, DocumentSink documents, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        this.directory = directory;
        this.gzip = gzip;
        this.truth = truth;
        this.documents = documents == null ? DocumentSink.none() : documents;
        this.threads = threads;
    }

    public CorpusSummary write(CorpusGenerator generator) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(directory);
        String suffix = gzip ? ".ndjson.gz" : ".ndjson";
        Path reportsFile = directory.resolve("reports" + suffix);
        Path truthFile = truth ? directory.resolve("truth" + suffix) : null;
        int agencies = generator.agencies().size();
        int batches = (agencies + AGENCIES_PER_BATCH - 1) / AGENCIES_PER_BATCH;
        Serialiser serialiser = new Serialiser(generator, truth, gzip, !(documents instanceof NoDocuments));
        long reports = 0;
        long faulty = 0;
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemon()) : null;
        try (OutputStream reportsOut = open(reportsFile);
                OutputStream truthOut = truth ? open(truthFile) : OutputStream.nullOutputStream();
                DocumentSink sink = documents) {
            Deque<Future<Batch>> inFlight = new ArrayDeque<>();
            int next = 0;
            for (int written = 0; written < batches; written++) {
                Batch batch;
                if (pool == null) {
                    batch = serialiser.batch(written);
                } else {
                    while (next < batches && inFlight.size() < threads * 4) {
                        int index = next++;
                        inFlight.add(pool.submit(() -> serialiser.batch(index)));
                    }
                    batch = inFlight.poll().get();
                }
                reportsOut.write(batch.reports());
                truthOut.write(batch.truth());
                for (GeneratedReport r : batch.generated()) sink.accept(r);
                reports += batch.count();
                faulty += batch.faulty();
            }
            if (gzip && batches == 0) {
                // An empty corpus is still a valid (empty) gzip file.
                reportsOut.write(serialiser.encode(new Utf8Buffer(0)));
                truthOut.write(serialiser.encode(new Utf8Buffer(0)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("generation failed", e.getCause());
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            if (pool != null) pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new CorpusSummary(
                reports,
                agencies,
                faulty,
                documents.written(),
                seconds,
                reportsFile,
                Files.size(reportsFile),
                truthFile,
                truthFile == null ? 0 : Files.size(truthFile));
    }

    private static OutputStream open(Path file) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread t = new Thread(runnable, "corpus-writer");
            t.setDaemon(true);
            return t;
        };
    }

    /** The UTF-8 lines of a run of agencies, and the reports themselves when documents are to be rendered. */
    private record Batch(byte[] reports, byte[] truth, int count, int faulty, List<GeneratedReport> generated) {}

    /** Turns a batch index into its lines; stateless apart from the shared, thread-safe writers. */
    private record Serialiser(CorpusGenerator generator, boolean truth, boolean gzip, boolean keepReports) {

        private static final SubmissionJson SUBMISSIONS = SubmissionJson.standard();
        private static final TruthJson TRUTHS = TruthJson.standard();

        Batch batch(int index) {
            int from = index * AGENCIES_PER_BATCH;
            int to = Math.min(generator.agencies().size(), from + AGENCIES_PER_BATCH);
            Utf8Buffer reportLines = new Utf8Buffer(AGENCIES_PER_BATCH * 12 * 6_000);
            Utf8Buffer truthLines = new Utf8Buffer(truth ? AGENCIES_PER_BATCH * 12 * 7_000 : 0);
            List<GeneratedReport> kept = new ArrayList<>();
            int count = 0;
            int faulty = 0;
            for (int agency = from; agency < to; agency++) {
                for (GeneratedReport r : generator.reportsOf(agency)) {
                    SUBMISSIONS.append(r.report(), reportLines);
                    reportLines.append('\n');
                    if (truth) {
                        TRUTHS.append(r, truthLines);
                        truthLines.append('\n');
                    }
                    if (keepReports) kept.add(r);
                    count++;
                    if (r.faulty()) faulty++;
                }
            }
            return new Batch(encode(reportLines), encode(truthLines), count, faulty, kept);
        }

        /**
         * UTF-8, and with --gzip one gzip member per batch: members concatenate into a valid gzip file (RFC 1952), so
         * compression runs on the worker threads and the bytes still do not depend on the thread count.
         */
        private byte[] encode(Utf8Buffer lines) {
            byte[] utf8 = lines.toByteArray();
            if (!gzip) return utf8;
            ByteArrayOutputStream zipped = new ByteArrayOutputStream(utf8.length / 8);
            // Fastest level: the lines repeat the same keys, so even level 1 shrinks them about twelvefold.
            try (GZIPOutputStream out = new GZIPOutputStream(zipped, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            }) {
                out.write(utf8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return zipped.toByteArray();
        }
    }
}
