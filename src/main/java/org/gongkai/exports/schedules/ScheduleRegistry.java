package org.gongkai.exports.schedules;

import com.cronutils.model.time.ExecutionTime;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Keeps the Quarkus scheduler in step with the stored schedules: one job per active schedule, re-registered from the
 * database at every start-up so schedules survive restarts. Missed runs: a schedule whose last due time passed while
 * the service was down (no run started since) runs once at start-up ({@code catch_up}); older misses are not replayed.
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

    /** Catch-up and manual runs, off the request and start-up threads. */
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
        LOG.infof("export schedules: %d registered, %d missed while down run once now", registered, caughtUp);
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
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> runner.run(id, "cron"))
                .schedule();
    }

    public void unregister(long scheduleId) {
        if (scheduler.getScheduledJob(jobId(scheduleId)) != null) scheduler.unscheduleJob(jobId(scheduleId));
    }

    public boolean isRegistered(long scheduleId) {
        return scheduler.getScheduledJob(jobId(scheduleId)) != null;
    }

    /** Runs once, in the background, every active schedule whose last due time has passed without a run. */
    public int catchUp() {
        List<Long> due = new ArrayList<>();
        ZonedDateTime now = ZonedDateTime.now(ZoneId.systemDefault());
        for (ExportSchedule s : schedules.active()) {
            try {
                Optional<ZonedDateTime> lastDue = ExecutionTime.forCron(ScheduleRequestReader.CRON.parse(s.cron()))
                        .lastExecution(now);
                Instant since = runs.lastStart(s.id())
                        .filter(t -> t.isAfter(s.updatedAt()))
                        .orElse(s.updatedAt());
                if (lastDue.isPresent() && lastDue.get().toInstant().isAfter(since)) due.add(s.id());
            } catch (RuntimeException e) {
                LOG.errorf(e, "cannot tell whether export schedule %d missed a run", s.id());
            }
        }
        due.forEach(id -> background.submit(() -> runner.run(id, "catch_up")));
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
