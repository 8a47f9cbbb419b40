package org.gongkai.exports.schedules;

import com.cronutils.model.time.ExecutionTime;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gongkai.config.GongkaiConfig;
import org.jboss.logging.Logger;

/**
 * Keeps the Quarkus scheduler in step with the stored schedules: one job per active schedule, re-registered from the
 * database at every start-up so schedules survive restarts, and compared with the table every
 * {@code gongkai.exports.schedules.sync-interval} so that changes made through another instance arrive. Every
 * instance fires every cron; {@link ScheduleRunner#runDue} lets one of them claim each due time. Missed runs: a
 * schedule whose last due time passed while the service was down (no run started since) runs once at start-up
 * ({@code catch_up}, claimed like a firing); older misses are not replayed. Leases: this instance renews the runs it
 * runs and takes over those whose instance stopped renewing them.
 */
@ApplicationScoped
public class ScheduleRegistry {

    private static final Logger LOG = Logger.getLogger(ScheduleRegistry.class);

    @Inject
    Scheduler scheduler;

    @Inject
    ScheduleStore schedules;

    @Inject
    RunStore runs;

    @Inject
    ScheduleRunner runner;

    @Inject
    RunStore leases;

    @Inject
    GongkaiConfig config;

    /** The definition each registered job was made from ({@code updated_at}), to tell what changed elsewhere. */
    private final Map<Long, Instant> registered = new ConcurrentHashMap<>();

    /** Catch-up, manual and taken-over runs, off the request and start-up threads. */
    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "export-schedule-background");
        t.setDaemon(true);
        return t;
    });

    public static String jobId(long scheduleId) {
        return "export-schedule-" + scheduleId;
    }

    void onStart(@Observes StartupEvent event) {
        int registered = registerAll();
        int caughtUp = catchUp();
        LOG.infof(
                "export schedules: %d registered, %d missed while down run once now (instance %s)",
                registered, caughtUp, leases.owner());
        scheduler
                .newJob("export-schedule-sync")
                .setInterval(config.exports().schedules().syncInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> sync())
                .schedule();
        long leaseMillis = config.exports().schedules().lease().toMillis();
        scheduler
                .newJob("export-run-leases")
                .setInterval(Duration.ofMillis(Math.max(1000, leaseMillis / 3)).toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> keepLeases())
                .schedule();
    }

    /**
     * Registers the schedules created or changed through another instance and removes those paused or deleted there;
     * returns how many jobs changed.
     */
    public int sync() {
        try {
            Map<Long, ExportSchedule> active = new HashMap<>();
            for (ExportSchedule s : schedules.active()) active.put(s.id(), s);
            int changed = 0;
            for (Long id : List.copyOf(registered.keySet())) {
                if (!active.containsKey(id)) {
                    unregister(id);
                    changed++;
                }
            }
            for (ExportSchedule s : active.values()) {
                if (!s.updatedAt().equals(registered.get(s.id()))) {
                    register(s);
                    changed++;
                }
            }
            return changed;
        } catch (RuntimeException e) {
            LOG.warnf("export schedules: cannot compare with the database now: %s", e.getMessage());
            return 0;
        }
    }

    /** Renews this instance's leases, then takes over the runs whose leases lapsed and runs them again. */
    public int keepLeases() {
        try {
            leases.renewLeases();
            List<ExportRun> taken = leases.takeOverLapsed();
            taken.forEach(run -> background.submit(() -> runner.resume(run)));
            return taken.size();
        } catch (RuntimeException e) {
            LOG.warnf("export runs: cannot renew or take over leases now: %s", e.getMessage());
            return 0;
        }
    }

    /** Registers a job for every active schedule in the database; returns how many. */
    public int registerAll() {
        int n = 0;
        for (ExportSchedule s : schedules.active()) {
            try {
                register(s);
                n++;
            } catch (RuntimeException e) {
                LOG.errorf(e, "cannot register export schedule %d (%s)", s.id(), s.cron());
            }
        }
        return n;
    }

    /** (Re)registers the schedule's job, or removes it when the schedule is paused. */
    public void register(ExportSchedule s) {
        unregister(s.id());
        if (!s.active()) return;
        long id = s.id();
        scheduler
                .newJob(jobId(id))
                .setCron(s.cron())
                // each firing is its own run (claimed by its due time): one still running, or retrying after a
                // failure, must not make this instance skip the next due time
                .setConcurrentExecution(Scheduled.ConcurrentExecution.PROCEED)
                .setTask(execution -> runner.runDue(id, execution.getScheduledFireTime(), "cron"))
                .schedule();
        registered.put(id, s.updatedAt());
    }

    public void unregister(long scheduleId) {
        registered.remove(scheduleId);
        if (scheduler.getScheduledJob(jobId(scheduleId)) != null) scheduler.unscheduleJob(jobId(scheduleId));
    }

    public boolean isRegistered(long scheduleId) {
        return scheduler.getScheduledJob(jobId(scheduleId)) != null;
    }

    /** Runs once, in the background, every active schedule whose last due time has passed without a run. */
    public int catchUp() {
        Map<Long, Instant> due = new HashMap<>();
        ZonedDateTime now = ZonedDateTime.now(ZoneId.systemDefault());
        for (ExportSchedule s : schedules.active()) {
            try {
                Optional<ZonedDateTime> lastDue = ExecutionTime.forCron(ScheduleRequestReader.CRON.parse(s.cron()))
                        .lastExecution(now);
                Instant since = runs.lastStart(s.id())
                        .filter(t -> t.isAfter(s.updatedAt()))
                        .orElse(s.updatedAt());
                if (lastDue.isPresent() && lastDue.get().toInstant().isAfter(since))
                    due.put(s.id(), lastDue.get().toInstant());
            } catch (RuntimeException e) {
                LOG.errorf(e, "cannot tell whether export schedule %d missed a run", s.id());
            }
        }
        due.forEach((id, at) -> background.submit(() -> runner.runDue(id, at, "catch_up")));
        return due.size();
    }

    /** Runs a schedule now, in the background. */
    public void runNow(long scheduleId) {
        background.submit(() -> runner.run(scheduleId, "manual"));
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
