package org.gongkai.exports.schedules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.cronutils.model.time.ExecutionTime;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.gongkai.config.GongkaiConfig;
import org.gongkai.exports.Exporter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Schedules across several instances, with a second instance made in this JVM: its own {@link RunStore} (another
 * owner name) and {@link ScheduleRunner} over the same database, as a second service would have. Both fire the same
 * due times; each due time is run and recorded once, and a run whose owner died is taken over and recorded once.
 */
@QuarkusTest
@Tag("database")
class ScheduleClusterTest {

    private static final String QUERY = "{\"metrics\": [\"requests.new.total\"], \"groupBy\": [\"year\"]}";

    /** Daily at 03:00: the application's own scheduler leaves these schedules alone while the tests fire them. */
    private static final String DAILY = "0 0 3 * * ?";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ScheduleRunner runner;

    @Inject
    RunStore runs;

    @Inject
    ScheduleRegistry registry;

    @Inject
    ScheduleStore schedules;

    @Inject
    Exporter exporter;

    @Inject
    ExportFolders folders;

    @Inject
    GongkaiConfig config;

    /** Another instance's run store: same database, its own owner name. */
    private RunStore otherStore() {
        InstanceId id = new InstanceId();
        id.config = config;
        RunStore store = new RunStore();
        store.dataSource = dataSource;
        store.instance = id;
        store.config = config;
        return store;
    }

    private ScheduleRunner otherRunner(RunStore store) {
        ScheduleRunner r = new ScheduleRunner();
        r.schedules = schedules;
        r.runs = store;
        r.exporter = exporter;
        r.folders = folders;
        r.config = config;
        return r;
    }

    private static Instant dailyAt3(LocalDate day) {
        return day.atTime(LocalTime.of(3, 0)).atZone(ZoneId.systemDefault()).toInstant();
    }

    @Test
    void twoInstancesFiringTheSameDueTimesRunEachOnce() throws Exception {
        String folder = "cluster-once-" + System.nanoTime();
        long id = insert(DAILY, folder, Instant.now());
        ScheduleRunner other = otherRunner(otherStore());
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<Instant> due = new ArrayList<>();
            for (int day = 1; day <= 6; day++) due.add(dailyAt3(LocalDate.of(2030, 1, day)));
            for (Instant at : due) {
                CountDownLatch go = new CountDownLatch(1);
                Future<Optional<Long>> a = both.submit(() -> {
                    go.await();
                    return runner.runDue(id, at, "cron");
                });
                Future<Optional<Long>> b = both.submit(() -> {
                    go.await();
                    return other.runDue(id, at, "cron");
                });
                go.countDown();
                assertThat(Stream.of(a.get(), b.get()).filter(Optional::isPresent))
                        .as("one instance ran %s", at)
                        .hasSize(1);
            }
            for (Instant at : due) {
                assertThat(rows(id, at)).as("records of the run due %s", at).containsExactly("succeeded");
            }
            try (Stream<Path> files = Files.list(folders.resolve(folder))) {
                assertThat(files.filter(p -> p.toString().endsWith(".csv"))).hasSize(due.size());
            }
        } finally {
            both.shutdownNow();
            delete(id);
        }
    }

    @Test
    void twoSchedulersFiringOneCronRecordEachFiringOnce() throws Exception {
        // the application's own scheduler registers the schedule (instance one); a second scheduler fires the same
        // cron and hands each due time to the other instance's runner, as a second service would
        long id = given().contentType(ContentType.JSON)
                .body("{\"name\": \"cluster\", \"cron\": \"*/2 * * * * ?\", \"query\": " + QUERY
                        + ", \"format\": \"csv\", \"targetFolder\": \"cluster-cron-" + System.nanoTime()
                        + "\", \"keep\": 20}")
                .post("/api/export-schedules")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        ScheduleRunner other = otherRunner(otherStore());
        AtomicInteger otherFirings = new AtomicInteger();
        // the second instance's scheduler: the same cron's due times, computed on their own, each handed to its runner
        ExecutionTime cron = ExecutionTime.forCron(ScheduleRequestReader.CRON.parse("*/2 * * * * ?"));
        ExecutorService firings = Executors.newCachedThreadPool();
        Thread second = new Thread(() -> {
            ZonedDateTime next = cron.nextExecution(ZonedDateTime.now(ZoneId.systemDefault()))
                    .orElseThrow();
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    long wait =
                            Duration.between(Instant.now(), next.toInstant()).toMillis();
                    if (wait > 0) Thread.sleep(wait);
                    otherFirings.incrementAndGet();
                    Instant due = next.toInstant();
                    firings.submit(() -> other.runDue(id, due, "cron")); // each firing on its own, as PROCEED does
                    next = cron.nextExecution(next).orElseThrow();
                }
            } catch (InterruptedException e) {
                // the test is over
            }
        });
        second.start();
        try {
            Instant end = Instant.now().plus(Duration.ofSeconds(40));
            while (finishedFireTimes(id) < 4 && Instant.now().isBefore(end)) Thread.sleep(200);
            assertThat(otherFirings.get()).as("the second scheduler fired").isGreaterThanOrEqualTo(2);
        } finally {
            second.interrupt();
            second.join(10_000);
            firings.shutdown();
            firings.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            registry.unregister(id);
        }
        Thread.sleep(500); // a run started just now finishes
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select fire_time, count(*) from export_run"
                        + " where schedule_id = ? and attempt = 1 group by fire_time")) {
            s.setLong(1, id);
            int fireTimes = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    fireTimes++;
                    assertThat(rs.getTimestamp(1))
                            .as("a cron firing records its due time")
                            .isNotNull();
                    assertThat(rs.getLong(2))
                            .as("records of the firing at %s", rs.getTimestamp(1))
                            .isEqualTo(1);
                }
            }
            assertThat(fireTimes).isGreaterThanOrEqualTo(4);
        } finally {
            delete(id);
        }
    }

    @Test
    void aRunWhoseInstanceDiedIsTakenOverAndRecordedOnce() throws Exception {
        String folder = "cluster-takeover-" + System.nanoTime();
        long id = insert(DAILY, folder, Instant.now());
        Instant due = dailyAt3(LocalDate.of(2031, 3, 1));
        RunStore dead = otherStore();
        try {
            // the dead instance claimed the run and began its file, then stopped renewing the lease
            long runId = dead.claim(id, due, "cron", 1).orElseThrow();
            Path folderPath = folders.resolve(folder);
            Files.createDirectories(folderPath);
            Path leftover = folderPath.resolve("run" + runId + ".dead-instance.part");
            Files.writeString(leftover, "half a file");
            assertThat(runner.runDue(id, due, "cron")).as("claimed already").isEmpty();
            lapse(runId);

            registry.keepLeases(); // what every instance's lease job does (it may get there first)
            Instant end = Instant.now().plus(Duration.ofSeconds(30));
            while (!rows(id, due).equals(List.of("succeeded")) && Instant.now().isBefore(end)) Thread.sleep(100);

            assertThat(rows(id, due)).containsExactly("succeeded");
            ExportRun run = runs.find(runId).orElseThrow();
            assertThat(run.owner()).isEqualTo(runs.owner());
            assertThat(run.takeovers()).isEqualTo(1);
            assertThat(run.attempt()).isEqualTo(1);
            assertThat(folders.root().resolve(run.filePath())).exists();
            assertThat(leftover).doesNotExist();
            // the dead instance comes back and finishes its copy: the record is no longer its to write
            assertThat(dead.succeed(runId, 1, "/elsewhere.csv", 1, "0".repeat(64)))
                    .isFalse();
            assertThat(runs.find(runId).orElseThrow().filePath()).isEqualTo(run.filePath());
        } finally {
            delete(id);
        }
    }

    @Test
    void aFiringOfAnOutdatedCronIsIgnored() throws Exception {
        long id = insert(DAILY, "cluster-outdated-" + System.nanoTime(), Instant.now());
        try {
            // an instance that has not synchronised a cron change yet fires at 04:00, which the stored cron never does
            Instant stale = dailyAt3(LocalDate.of(2030, 5, 1)).plus(Duration.ofHours(1));
            assertThat(runner.runDue(id, stale, "cron")).isEmpty();
            assertThat(rows(id, stale)).isEmpty();
        } finally {
            delete(id);
        }
    }

    @Test
    void picksUpSchedulesCreatedChangedAndPausedThroughAnotherInstance() throws Exception {
        long id = insert(DAILY, "cluster-sync-" + System.nanoTime(), Instant.now());
        try {
            assertThat(registry.sync()).isGreaterThanOrEqualTo(1);
            assertThat(registry.isRegistered(id)).isTrue();
            assertThat(registry.sync()).as("nothing changed since").isZero();
            execute("update export_schedule set active = false, updated_at = now() where id = ?", id);
            registry.sync();
            assertThat(registry.isRegistered(id)).isFalse();
            execute("update export_schedule set active = true, updated_at = now() where id = ?", id);
            registry.sync();
            assertThat(registry.isRegistered(id)).isTrue();
            execute("delete from export_schedule where id = ?", id);
            registry.sync();
            assertThat(registry.isRegistered(id)).isFalse();
        } finally {
            delete(id);
        }
    }

    /** The statuses of the records of the schedule's run due at {@code at}. */
    private List<String> rows(long scheduleId, Instant at) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select status from export_run where schedule_id = ? and fire_time = ? order by id")) {
            s.setLong(1, scheduleId);
            s.setTimestamp(2, Timestamp.from(at));
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        }
    }

    private int finishedFireTimes(long scheduleId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(distinct fire_time) from export_run"
                        + " where schedule_id = ? and status = 'succeeded'")) {
            s.setLong(1, scheduleId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void lapse(long runId) throws Exception {
        execute("update export_run set lease_until = now() - interval '1 second' where id = ?", runId);
    }

    private void execute(String sql, long id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }

    private long insert(String cron, String folder, Instant updatedAt) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into export_schedule (name, cron, query, format, target_folder, keep, active,"
                                + " created_at, updated_at) values ('cluster', ?, cast(? as jsonb), 'csv', ?, 20, true,"
                                + " ?, ?) returning id")) {
            s.setString(1, cron);
            s.setString(2, QUERY);
            s.setString(3, folder);
            s.setTimestamp(4, Timestamp.from(updatedAt));
            s.setTimestamp(5, Timestamp.from(updatedAt));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void delete(long id) throws Exception {
        registry.unregister(id);
        execute("delete from export_schedule where id = ?", id);
    }
}
