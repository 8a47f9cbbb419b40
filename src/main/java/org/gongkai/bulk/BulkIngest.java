package org.gongkai.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.gongkai.canonical.AgencyProfile;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.checks.ReportAssessor;
import org.gongkai.config.GongkaiConfig;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;
import org.gongkai.reports.ReportService;
import org.gongkai.reports.RequestText;
import org.gongkai.reports.SubmissionReader;
import org.gongkai.storage.BulkJobStore;
import org.gongkai.storage.BulkWriter;
import org.jboss.logging.Logger;

/**
 * Reads an NDJSON stream of structured reports, validates each line alone, and writes the good ones in batches; a
 * bad line is answered with its reasons and never costs the good lines around it, not even when it is the database
 * that refuses it (the batch is written again without it).
 */
@ApplicationScoped
public class BulkIngest {

    private static final Logger LOG = Logger.getLogger(BulkIngest.class);

    /** What a line the database refused is told: no SQL, no Java. */
    static final String REFUSED = "could not be stored (the database refused this line); the other lines were stored";

    static final String UNREADABLE = "could not be read as a report";

    @Inject
    SubmissionReader reader;

    @Inject
    ReportService reports;

    @Inject
    ReportAssessor assessor;

    @Inject
    BulkWriter writer;

    @Inject
    BulkJobStore jobs;

    @Inject
    GongkaiConfig config;

    @Inject
    ObjectMapper json;

    /** How an ingest ended: its summary, and whether the stream passed {@code gongkai.limits.bulk-bytes}. */
    public record Outcome(BulkSummary summary, boolean exceeded) {}

    /**
     * Ingests every line of job {@code jobId}, handing each line's outcome to {@code answer} in input order and
     * recording it with the job.
     */
    public Outcome ingest(long jobId, InputStream ndjson, Charset charset, Consumer<BulkLine> answer)
            throws IOException {
        long started = System.nanoTime();
        long[] counts = new long[4]; // stored, unchanged, rejected, batches; touched only by the writing thread
        // Batch n is written (PostgreSQL busy, this JVM mostly waiting) while batch n+1 is read and validated on
        // every core; one writing thread keeps batches, and so the answer lines, in input order.
        ExecutorService writing = Executors.newSingleThreadExecutor(r -> new Thread(r, "bulk-writer"));
        CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
        NdjsonLines in = new NdjsonLines(
                ndjson, config.limits().bulkLineBytes(), config.limits().bulkBytes());
        // the folds run beside the batches; closing waits for the last and folds what is left, also when the stream
        // broke off, so the stored batches' sums are folded either way
        try (BackgroundFold folds = new BackgroundFold(writer)) {
            try {
                int batchSize = config.bulk().batchSize();
                List<NdjsonLines.Line> lines = new ArrayList<>(batchSize);
                for (NdjsonLines.Line line; (line = in.next()) != null; ) {
                    lines.add(line);
                    if (lines.size() >= batchSize) {
                        List<Object> checked = validateAll(lines, charset);
                        lines = new ArrayList<>(batchSize);
                        previous.join();
                        previous =
                                CompletableFuture.runAsync(() -> write(jobId, checked, answer, counts, folds), writing);
                    }
                }
                List<Object> checked = validateAll(lines, charset);
                previous.join();
                write(jobId, checked, answer, counts, folds);
            } finally {
                previous.exceptionally(e -> null).join();
                writing.shutdown();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long stored = counts[0];
        BulkSummary summary = new BulkSummary(
                Long.toString(jobId),
                in.exceeded() ? "interrupted" : "finished",
                in.lines(),
                stored,
                counts[1],
                counts[2],
                seconds,
                seconds > 0 ? stored / seconds : 0);
        return new Outcome(summary, in.exceeded());
    }

    private BulkWriter.Pending validate(long lineNo, String line) {
        // the same strict parsing as POST /api/reports (duplicate keys, trailing tokens, NUL, lone surrogates)
        CanonicalReport report = reader.read(line);
        AgencyProfile agency = reports.profile(report);
        return writer.pending(lineNo, report, agency, assessor.assess(report), null, List.of());
    }

    /** Validates a batch of lines on every core: each becomes a pending report, a rejected line, or nothing (blank). */
    private List<Object> validateAll(List<NdjsonLines.Line> lines, Charset charset) {
        long lineLimit = config.limits().bulkLineBytes();
        return lines.parallelStream()
                .map(l -> {
                    if (l.overlong()) {
                        return (Object) BulkLine.rejected(
                                l.number(),
                                List.of(new FieldError(
                                        "",
                                        "the line is longer than " + lineLimit
                                                + " bytes (gongkai.limits.bulk-line-bytes)")));
                    }
                    RequestText.Decoded text = RequestText.tryDecode(l.bytes(), 0, l.bytes().length, charset);
                    if (text.text() == null) {
                        return BulkLine.rejected(
                                l.number(),
                                List.of(new FieldError(
                                        "", "the line is " + RequestText.invalidTextMessage(text.badByte(), charset))));
                    }
                    if (text.text().isBlank()) return null;
                    try {
                        return validate(l.number(), text.text());
                    } catch (ProblemException e) {
                        List<FieldError> errors = e.toProblem(null).errors();
                        return BulkLine.rejected(
                                l.number(), errors.isEmpty() ? List.of(new FieldError("", e.getMessage())) : errors);
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "bulk line %d could not be validated", l.number());
                        return BulkLine.rejected(l.number(), List.of(new FieldError("", UNREADABLE)));
                    }
                })
                .filter(o -> o != null)
                .toList();
    }

    /** Writes the good lines of a validated batch and answers every line of it, in line order. */
    private void write(
            long jobId, List<Object> checked, Consumer<BulkLine> answer, long[] counts, BackgroundFold folds) {
        List<BulkWriter.Pending> batch = new ArrayList<>();
        List<BulkLine> results = new ArrayList<>();
        for (Object o : checked) {
            if (o instanceof BulkWriter.Pending p) batch.add(p);
            else results.add((BulkLine) o);
        }
        if (!batch.isEmpty()) {
            results.addAll(store(jobId, batch));
            if (++counts[3] % config.bulk().foldEvery() == 0) folds.request();
        }
        List<BulkJobStore.Line> rejected = new ArrayList<>();
        for (BulkLine r : results) {
            switch (r.status()) {
                case BulkLine.STORED -> counts[0]++;
                case BulkLine.UNCHANGED -> counts[1]++;
                default -> {
                    counts[2]++;
                    rejected.add(new BulkJobStore.Line(r.line(), BulkLine.REJECTED, null, null, errorsJson(r)));
                }
            }
        }
        try {
            jobs.recordRejected(jobId, rejected);
        } catch (RuntimeException e) {
            LOG.warnf(e, "bulk job %d: rejected lines not recorded", jobId);
        }
        results.sort(Comparator.comparingLong(BulkLine::line));
        results.forEach(answer);
    }

    /**
     * Writes the lines through COPY in one transaction; when the database refuses the batch for what a line holds,
     * the halves are written alone, down to the one line that cannot be, so every other line is stored and a batch
     * without a bad line costs one COPY as before.
     */
    private List<BulkLine> store(long jobId, List<BulkWriter.Pending> batch) {
        try {
            return writer.write(jobId, batch).stream().map(BulkLine::of).toList();
        } catch (SQLException | RuntimeException e) {
            if (!lineAtFault(e)) {
                LOG.error("bulk batch failed", e);
                return batch.stream()
                        .map(p -> BulkLine.rejected(
                                p.line(),
                                List.of(new FieldError(
                                        "", "could not be stored: the database is unavailable; send it again"))))
                        .toList();
            }
            if (batch.size() == 1) {
                LOG.warnf(
                        e, "bulk line %d refused by the database", batch.get(0).line());
                return List.of(BulkLine.rejected(batch.get(0).line(), List.of(new FieldError("", REFUSED))));
            }
            int half = batch.size() / 2;
            List<BulkLine> out = new ArrayList<>(store(jobId, batch.subList(0, half)));
            out.addAll(store(jobId, batch.subList(half, batch.size())));
            return out;
        }
    }

    /**
     * Whether a failed batch may hold a line the database refuses (bad data, a broken constraint, a limit, or a line
     * this code could not write), rather than a database that is away, where writing halves would only fail again.
     */
    private static boolean lineAtFault(Exception e) {
        if (!(e instanceof SQLException sql)) return true;
        String state = sql.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"));
    }

    private String errorsJson(BulkLine line) {
        try {
            return json.writeValueAsString(line.errors());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
