package org.gongkai.exports.schedules;

import com.cronutils.model.Cron;
import com.cronutils.model.time.ExecutionTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
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
    private static final Pattern PART_SAFE = Pattern.compile("[^A-Za-z0-9_-]");
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

    /** Runs the schedule now (a manual run); returns the id of the last attempt's run record, empty when nothing ran. */
    public Optional<Long> run(long scheduleId, String trigger) {
        return attempts(scheduleId, null, trigger, 1, null);
    }

    /**
     * Runs the schedule's run due at {@code fireTime} (a cron firing or a catch-up) unless another instance has
     * claimed it: every instance's scheduler fires, one claims the run. A due time the schedule's current cron does not
     * match is a firing of a definition this instance has not synchronised yet, and is ignored.
     */
    public Optional<Long> runDue(long scheduleId, Instant fireTime, String trigger) {
        Instant due = fireTime.truncatedTo(ChronoUnit.SECONDS);
        try {
            Optional<ExportSchedule> s = schedules.find(scheduleId);
            if (s.isEmpty() || !s.get().active()) return Optional.empty();
            Cron cron = ScheduleRequestReader.CRON.parse(s.get().cron());
            if (!ExecutionTime.forCron(cron).isMatch(due.atZone(ZoneId.systemDefault()))) {
                LOG.debugf(
                        "schedule %d: %s is not due under its current cron %s",
                        scheduleId, due, s.get().cron());
                return Optional.empty();
            }
        } catch (RuntimeException e) {
            // e.g. the database is down: another instance may run it, or the catch-up will
            LOG.warnf(
                    "export schedule %d, run due %s: cannot tell whether it is due: %s",
                    scheduleId, due, e.getMessage());
            return Optional.empty();
        }
        return attempts(scheduleId, due, trigger, 1, null);
    }

    /** Runs again, in its own record, a run taken over from an instance whose lease lapsed. */
    public Optional<Long> resume(ExportRun run) {
        LOG.infof(
                "export schedule %d: run %d (attempt %d) taken over from an instance that stopped renewing it",
                run.scheduleId(), run.id(), run.attempt());
        return attempts(run.scheduleId(), run.fireTime(), run.trigger(), run.attempt(), run.id());
    }

    /**
     * Attempts from {@code first} on until one succeeds or the attempts are spent; {@code takenOver} is the record of
     * the first attempt when it exists already (a run taken over).
     */
    private Optional<Long> attempts(long scheduleId, Instant fireTime, String trigger, int first, Long takenOver) {
        try {
            int attempts = config.exports().retry().attempts();
            Duration wait = config.exports().retry().backoff();
            Long lastRun = null;
            for (int attempt = first; attempt <= Math.max(first, attempts); attempt++) {
                Optional<ExportSchedule> schedule = schedules.find(scheduleId);
                // deleted or paused meanwhile: a manual run still runs a paused schedule
                if (schedule.isEmpty() || (!schedule.get().active() && !"manual".equals(trigger))) {
                    if (attempt == first && takenOver != null) runs.fail(takenOver, "the schedule was paused");
                    return Optional.ofNullable(lastRun);
                }
                if (attempt == first && takenOver != null) {
                    lastRun = takenOver;
                } else if (fireTime == null) {
                    lastRun = runs.start(scheduleId, trigger, attempt);
                } else {
                    Optional<Long> claimed = runs.claim(scheduleId, fireTime, trigger, attempt);
                    if (claimed.isEmpty()) {
                        LOG.debugf("export schedule %d, run due %s: claimed by another instance", scheduleId, fireTime);
                        return Optional.ofNullable(lastRun);
                    }
                    lastRun = claimed.get();
                }
                runs.deleteBeyond(scheduleId, config.exports().schedules().keepRuns());
                try {
                    attempt(schedule.get(), lastRun);
                    prune(schedule.get());
                    return Optional.of(lastRun);
                } catch (Exception | OutOfMemoryError | StackOverflowError e) {
                    String reason = folders.withoutRoot(reason(e));
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
        clearParts(folder, runId);
        // named for this instance, so that an instance thought dead that still writes never shares a file with the one
        // that took its run over
        Path part = folder.resolve(
                "run" + runId + "." + PART_SAFE.matcher(runs.owner()).replaceAll("_") + ".part");
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
        boolean recorded = runs.succeed(
                runId,
                outcome.rows(),
                folders.stored(target),
                size[0],
                HexFormat.of().formatHex(sha.digest()));
        if (!recorded) {
            // taken over while this instance was thought dead: the run is the other instance's to record
            Files.deleteIfExists(target);
            LOG.warnf("export run %d was taken over by another instance meanwhile; this file is dropped", runId);
        }
    }

    /** Parts of the run left by an instance that died writing it. */
    private static void clearParts(Path folder, long runId) throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, "run" + runId + ".*.part")) {
            for (Path p : parts) Files.deleteIfExists(p);
        }
    }

    private void prune(ExportSchedule s) {
        for (ExportRun old : runs.filesBeyond(s.id(), s.keep())) {
            try {
                if (old.storedPath() != null) Files.deleteIfExists(folders.locate(old.storedPath()));
                runs.markFileDeleted(old.id());
            } catch (IOException e) {
                LOG.warnf("cannot delete old export file %s: %s", old.storedPath(), e.getMessage());
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
