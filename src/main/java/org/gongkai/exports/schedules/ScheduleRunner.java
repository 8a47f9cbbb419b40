package org.gongkai.exports.schedules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import org.gongkai.config.GongkaiConfig;
import org.gongkai.exports.ExportFormat;
import org.gongkai.exports.ExportOutcome;
import org.gongkai.exports.ExportRequests;
import org.gongkai.exports.Exporter;
import org.jboss.logging.Logger;

/**
 * Runs one schedule: writes its file (to a {@code .part} file, moved into place when complete), records each attempt
 * in export_run with rows, size and SHA-256, retries a failure a bounded number of times with doubling waits, and
 * prunes files beyond the newest {@code keep}. It never throws: a failing schedule must not stop the scheduler.
 */
@ApplicationScoped
public class ScheduleRunner {

    private static final Logger LOG = Logger.getLogger(ScheduleRunner.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Inject
    ScheduleStore schedules;

    @Inject
    RunStore runs;

    @Inject
    Exporter exporter;

    @Inject
    ExportFolders folders;

    @Inject
    GongkaiConfig config;

    private final ExportRequests requests = new ExportRequests();

    /** Runs the schedule now; returns the id of the last attempt's run record, empty when nothing ran. */
    public Optional<Long> run(long scheduleId, String trigger) {
        try {
            int attempts = config.exports().retry().attempts();
            Duration wait = config.exports().retry().backoff();
            Long lastRun = null;
            for (int attempt = 1; attempt <= Math.max(1, attempts); attempt++) {
                Optional<ExportSchedule> schedule = schedules.find(scheduleId);
                // deleted or paused meanwhile: a manual run still runs a paused schedule
                if (schedule.isEmpty() || (!schedule.get().active() && !"manual".equals(trigger))) {
                    return Optional.ofNullable(lastRun);
                }
                lastRun = runs.start(scheduleId, trigger, attempt);
                runs.deleteBeyond(scheduleId, config.exports().schedules().keepRuns());
                try {
                    attempt(schedule.get(), lastRun);
                    prune(schedule.get());
                    return Optional.of(lastRun);
                } catch (Exception | OutOfMemoryError | StackOverflowError e) {
                    String reason = reason(e);
                    runs.fail(lastRun, reason);
                    LOG.warnf("export schedule %d, attempt %d of %d failed: %s", scheduleId, attempt, attempts, reason);
                }
                if (attempt < attempts) {
                    Thread.sleep(wait.toMillis());
                    wait = wait.multipliedBy(2);
                }
            }
            return Optional.ofNullable(lastRun);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException e) {
            // e.g. the database is down: nothing can be recorded, but the scheduler must live on
            LOG.errorf(e, "export schedule %d could not run", scheduleId);
            return Optional.empty();
        }
    }

    private void attempt(ExportSchedule s, long runId) throws IOException {
        ExportFormat format = ExportFormat.parse("format", s.format());
        Path folder = folders.resolve(s.targetFolder());
        Files.createDirectories(folder);
        String name =
                "schedule-" + s.id() + "-" + STAMP.format(Instant.now()) + "-run" + runId + "." + format.extension();
        Path target = folder.resolve(name);
        Path part = folder.resolve(name + ".part");
        MessageDigest sha = sha256();
        ExportOutcome outcome;
        long[] size = {0};
        try (OutputStream file = Files.newOutputStream(part);
                OutputStream out = new DigestOutputStream(counting(file, size), sha)) {
            outcome = s.query() != null
                    ? exporter.write(requests.query(s.query()), format, out)
                    : exporter.writeView(s.view().name(), s.view().params(), format, out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        runs.succeed(
                runId,
                outcome.rows(),
                target.toString(),
                size[0],
                HexFormat.of().formatHex(sha.digest()));
    }

    private void prune(ExportSchedule s) {
        for (ExportRun old : runs.filesBeyond(s.id(), s.keep())) {
            try {
                if (old.filePath() != null) Files.deleteIfExists(Path.of(old.filePath()));
                runs.markFileDeleted(old.id());
            } catch (IOException e) {
                LOG.warnf("cannot delete old export file %s: %s", old.filePath(), e.getMessage());
            }
        }
    }

    /** The reason as a person can act on it: "folder … not writable", "No space left on device". */
    static String reason(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) sb.append(": ").append(e.getMessage());
        if (e instanceof java.nio.file.FileSystemException fs
                && fs.getReason() != null
                && e.getMessage() != null
                && !e.getMessage().contains(fs.getReason())) {
            sb.append(" (").append(fs.getReason()).append(')');
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e && cause.getMessage() != null)
            sb.append("; caused by ").append(cause.getMessage());
        return sb.length() > 2000 ? sb.substring(0, 2000) : sb.toString();
    }

    private static OutputStream counting(OutputStream out, long[] size) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                size[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                size[0] += len;
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
