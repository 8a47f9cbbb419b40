package org.gongkai.bulk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
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
import org.gongkai.reports.SubmissionReader;
import org.gongkai.storage.BulkWriter;
import org.jboss.logging.Logger;

/**
 * Reads an NDJSON stream of structured reports, validates each line alone, and writes the good ones in batches; a
 * bad line is answered with its reasons and never costs the good lines around it.
 */
@ApplicationScoped
public class BulkIngest {

    private static final Logger LOG = Logger.getLogger(BulkIngest.class);

    @Inject
    SubmissionReader reader;

    @Inject
    ReportService reports;

    @Inject
    ReportAssessor assessor;

    @Inject
    BulkWriter writer;

    @Inject
    GongkaiConfig config;

    /** Ingests every line, handing each line's outcome to {@code answer} in input order. */
    public BulkSummary ingest(InputStream ndjson, Consumer<BulkLine> answer) throws IOException {
        long started = System.nanoTime();
        long lineNo = 0;
        long[] counts = new long[2]; // stored, rejected; touched only by the writing thread
        // Batch n is written (PostgreSQL busy, this JVM mostly waiting) while batch n+1 is read and validated on
        // every core; one writing thread keeps batches, and so the answer lines, in input order.
        ExecutorService writing = Executors.newSingleThreadExecutor(r -> new Thread(r, "bulk-writer"));
        CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
        try {
            int batchSize = config.bulk().batchSize();
            List<Line> lines = new ArrayList<>(batchSize);
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8), 1 << 16)) {
                for (String text; (text = in.readLine()) != null; ) {
                    lineNo++;
                    if (text.isBlank()) continue;
                    lines.add(new Line(lineNo, text));
                    if (lines.size() >= batchSize) {
                        List<Object> checked = validateAll(lines);
                        lines = new ArrayList<>(batchSize);
                        previous.join();
                        previous = CompletableFuture.runAsync(() -> write(checked, answer, counts), writing);
                    }
                }
            }
            List<Object> checked = validateAll(lines);
            previous.join();
            write(checked, answer, counts);
        } finally {
            writing.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new BulkSummary(lineNo, counts[0], counts[1], seconds, seconds > 0 ? counts[0] / seconds : 0);
    }

    private BulkWriter.Pending validate(long lineNo, String line) {
        // the same strict parsing as POST /api/reports (duplicate keys, trailing tokens)
        CanonicalReport report = reader.read(line);
        AgencyProfile agency = reports.profile(report);
        return new BulkWriter.Pending(lineNo, report, agency, assessor.assess(report));
    }

    private record Line(long number, String text) {}

    /** Validates a batch of lines on every core: each becomes a pending report or a rejected line. */
    private List<Object> validateAll(List<Line> lines) {
        return lines.parallelStream()
                .map(l -> {
                    try {
                        return (Object) validate(l.number(), l.text());
                    } catch (ProblemException e) {
                        List<FieldError> errors = e.toProblem(null).errors();
                        return BulkLine.rejected(
                                l.number(), errors.isEmpty() ? List.of(new FieldError("", e.getMessage())) : errors);
                    }
                })
                .toList();
    }

    /** Writes the good lines of a validated batch and answers every line of it, in line order. */
    private void write(List<Object> checked, Consumer<BulkLine> answer, long[] counts) {
        List<BulkWriter.Pending> batch = new ArrayList<>();
        List<BulkLine> results = new ArrayList<>();
        for (Object o : checked) {
            if (o instanceof BulkWriter.Pending p) batch.add(p);
            else results.add((BulkLine) o);
        }
        long stored = 0;
        if (!batch.isEmpty()) {
            try {
                List<BulkWriter.Written> written = writer.write(batch);
                written.forEach(w -> results.add(BulkLine.stored(w.line(), w.id(), w.revision())));
                stored = written.size();
            } catch (SQLException | RuntimeException e) {
                LOG.error("bulk batch failed", e);
                for (BulkWriter.Pending p : batch) {
                    results.add(BulkLine.rejected(
                            p.line(),
                            List.of(new FieldError(
                                    "", "the batch holding this line could not be stored: " + e.getMessage()))));
                }
            }
        }
        results.sort(java.util.Comparator.comparingLong(BulkLine::line));
        results.forEach(answer);
        counts[0] += stored;
        counts[1] += results.size() - stored;
    }
}
