package org.gongkai.exports.schedules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("database")
class ScheduleResourceTest {

    private static final String QUERY = "{\"metrics\": [\"requests.new.total\"], \"groupBy\": [\"year\"]}";

    @Inject
    ScheduleRegistry registry;

    @Inject
    Scheduler scheduler;

    @Inject
    ExportFolders folders;

    @Inject
    AgroalDataSource dataSource;

    private static long create(String name, String cron, String format, String folder, int keep) {
        return given().contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"cron\": \"" + cron + "\", \"query\": " + QUERY
                        + ", \"format\": \"" + format + "\", \"targetFolder\": \"" + folder + "\", \"keep\": " + keep
                        + "}")
                .post("/api/export-schedules")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static List<Map<String, Object>> runs(long id) {
        return given().get("/api/export-schedules/" + id + "/runs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
    }

    /** Polls the schedule's runs until they satisfy the condition; fails after the timeout. */
    private static List<Map<String, Object>> awaitRuns(
            long id, Predicate<List<Map<String, Object>>> done, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        List<Map<String, Object>> runs = runs(id);
        while (!done.test(runs)) {
            if (Instant.now().isAfter(end))
                throw new AssertionError("runs of schedule " + id + " never got there: " + runs);
            Thread.sleep(200);
            runs = runs(id);
        }
        return runs;
    }

    private static long count(List<Map<String, Object>> runs, String status) {
        return runs.stream().filter(r -> status.equals(r.get("status"))).count();
    }

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    /** Where a run's file is on this (the test's) machine: its record names it relative to the export root. */
    private Path fileOf(Map<String, Object> run) {
        String shown = (String) run.get("filePath");
        assertThat(Path.of(shown)).as("a run record names no server path").isRelative();
        return folders.root().resolve(shown);
    }

    @Test
    void firesOnAShortCronRecordsTheRunAndServesItsFile() throws Exception {
        String folder = unique("fires");
        long id = create("每两秒 every two seconds", "*/2 * * * * ?", "csv", folder, 5);
        try {
            List<Map<String, Object>> runs = awaitRuns(id, r -> count(r, "succeeded") >= 1, Duration.ofSeconds(20));
            Map<String, Object> run = runs.stream()
                    .filter(r -> "succeeded".equals(r.get("status")))
                    .findFirst()
                    .orElseThrow();
            assertThat(run.get("trigger")).isEqualTo("cron");
            assertThat(run.get("attempt")).isEqualTo(1);
            Path file = fileOf(run);
            assertThat(file).exists();
            assertThat(run.get("filePath")).isEqualTo(folder + "/" + file.getFileName());
            byte[] bytes = Files.readAllBytes(file);
            assertThat(((Number) run.get("sizeBytes")).longValue()).isEqualTo(bytes.length);
            assertThat(run.get("sha256"))
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            assertThat(new String(bytes, 3, bytes.length - 3, java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("年度 (Year),");
            byte[] downloaded = given().get((String) run.get("file"))
                    .then()
                    .statusCode(200)
                    .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"schedule-"))
                    .extract()
                    .asByteArray();
            assertThat(downloaded).isEqualTo(bytes);
        } finally {
            given().delete("/api/export-schedules/" + id).then().statusCode(204);
        }
        assertThat(registry.isRegistered(id)).isFalse();
    }

    @Test
    void runRecordsShowNoServerPathOnlyTheFileUnderTheRootAndItsDownloadLink() throws Exception {
        String folder = unique("paths") + "/nested";
        long id = create("no server paths", "*/2 * * * * ?", "csv", folder, 5);
        try {
            Map<String, Object> run = awaitRuns(id, r -> count(r, "succeeded") >= 1, Duration.ofSeconds(20)).stream()
                    .filter(r -> "succeeded".equals(r.get("status")))
                    .findFirst()
                    .orElseThrow();
            String root = folders.root().toString();
            String byId = given().get("/api/export-runs/" + run.get("id"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            String bySchedule = given().get("/api/export-schedules/" + id + "/runs")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            // the root (an absolute path of this machine) appears in neither answer, and no field but the download
            // link (a URL path) is an absolute path
            assertThat(List.of(byId, bySchedule))
                    .allSatisfy(
                            answer -> assertThat(answer).doesNotContain(root).doesNotContainIgnoringCase("storedPath"));
            List<Map<String, Object>> records =
                    new java.util.ArrayList<>(JsonPath.from(bySchedule).getList(""));
            records.add(JsonPath.from(byId).getMap(""));
            assertThat(records)
                    .allSatisfy(r -> r.forEach((field, value) -> {
                        if (!field.equals("file") && value instanceof String text)
                            assertThat(text).as(field).doesNotStartWith("/").doesNotStartWith(java.io.File.separator);
                    }));
            // what the file is: the schedule's folder and a name, found at that path under the root on the server
            String shown = JsonPath.from(byId).getString("filePath");
            assertThat(shown).startsWith(folder + "/schedule-" + id + "-").endsWith(".csv");
            Path onDisk = folders.root().resolve(shown);
            assertThat(onDisk).exists();
            // and where it is downloaded from
            assertThat(JsonPath.from(byId).getString("file")).isEqualTo("/api/export-runs/" + run.get("id") + "/file");
            assertThat(given().get(JsonPath.from(byId).getString("file"))
                            .then()
                            .statusCode(200)
                            .extract()
                            .asByteArray())
                    .isEqualTo(Files.readAllBytes(onDisk));
        } finally {
            given().delete("/api/export-schedules/" + id).then().statusCode(204);
        }
    }

    @Test
    void aRunRecordedWithAnAbsolutePathShowsOnlyItsFileName() throws Exception {
        long id = insert("0 0 3 * * ?", true, Instant.now());
        try {
            Path file = folders.root().resolve(unique("older")).resolve("schedule-" + id + "-old.csv");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "a,b\n");
            long runId;
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement(
                            "insert into export_run (schedule_id, trigger, attempt, status, finished_at, rows,"
                                    + " file_path, size_bytes, sha256) values (?, 'cron', 1, 'succeeded', now(), 1,"
                                    + " ?, 4, 'x') returning id")) {
                s.setLong(1, id);
                s.setString(2, file.toString()); // as runs were recorded before: the absolute path
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    runId = rs.getLong(1);
                }
            }
            String answer = given().get("/api/export-runs/" + runId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(answer).doesNotContain(folders.root().toString());
            assertThat(JsonPath.from(answer).getString("filePath"))
                    .isEqualTo(file.getFileName().toString());
            // its download still works: the record keeps where the file is
            assertThat(given().get("/api/export-runs/" + runId + "/file")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .isEqualTo("a,b\n");
        } finally {
            delete(id);
        }
    }

    @Test
    void keepsOnlyTheNewestFilesButEveryRunRecord() throws Exception {
        long id = create("keep two", "* * * * * ?", "xlsx", unique("keep"), 2);
        try {
            List<Map<String, Object>> runs = awaitRuns(id, r -> count(r, "succeeded") >= 4, Duration.ofSeconds(30));
            given().post("/api/export-schedules/" + id + "/pause").then().statusCode(200);
            runs = awaitRuns(
                    id, r -> r.stream().noneMatch(x -> "running".equals(x.get("status"))), Duration.ofSeconds(20));
            List<Map<String, Object>> succeeded = runs.stream()
                    .filter(r -> "succeeded".equals(r.get("status")))
                    .toList();
            assertThat(succeeded.subList(0, 2)).allSatisfy(r -> {
                assertThat(r.get("fileDeletedAt")).isNull();
                assertThat(fileOf(r)).exists();
            });
            assertThat(succeeded.subList(2, succeeded.size())).allSatisfy(r -> {
                assertThat(r.get("fileDeletedAt")).isNotNull();
                assertThat(fileOf(r)).doesNotExist();
                given().get("/api/export-runs/" + r.get("id") + "/file").then().statusCode(410);
            });
        } finally {
            given().delete("/api/export-schedules/" + id).then().statusCode(204);
        }
    }

    @Test
    void recordsAFailingFolderWithItsReasonRetriesAndTheOtherScheduleStillRuns() throws Exception {
        String blocked = unique("blocked");
        Files.createDirectories(folders.root());
        Files.writeString(folders.root().resolve(blocked), "a file where a folder should be");
        long failing = create("blocked folder", "*/3 * * * * ?", "csv", blocked + "/sub", 3);
        long healthy = create("healthy", "* * * * * ?", "csv", unique("healthy"), 3);
        try {
            List<Map<String, Object>> failed = awaitRuns(failing, r -> count(r, "failed") >= 3, Duration.ofSeconds(30));
            List<Map<String, Object>> firstThree = failed.subList(failed.size() - 3, failed.size());
            assertThat(firstThree).extracting(r -> r.get("attempt")).containsExactly(3, 2, 1);
            assertThat(firstThree).allSatisfy(r -> assertThat((String) r.get("error"))
                    .contains(blocked + "/sub")
                    .doesNotContain(folders.root().toString()));
            awaitRuns(healthy, r -> count(r, "succeeded") >= 2, Duration.ofSeconds(20));
            assertThat(registry.isRegistered(failing)).isTrue();
        } finally {
            given().delete("/api/export-schedules/" + failing).then().statusCode(204);
            given().delete("/api/export-schedules/" + healthy).then().statusCode(204);
        }
    }

    @Test
    void reloadsActiveSchedulesFromTheDatabaseAfterARestart() throws Exception {
        long active = insert("0 0 3 * * ?", true, Instant.now());
        long paused = insert("0 0 4 * * ?", false, Instant.now());
        try {
            // a restart starts with an empty scheduler
            registry.unregister(active);
            assertThat(scheduler.getScheduledJob(ScheduleRegistry.jobId(active)))
                    .isNull();
            registry.registerAll();
            assertThat(scheduler.getScheduledJob(ScheduleRegistry.jobId(active)))
                    .isNotNull();
            assertThat(scheduler.getScheduledJob(ScheduleRegistry.jobId(paused)))
                    .isNull();
        } finally {
            delete(active);
            delete(paused);
        }
    }

    @Test
    void runsOnceAtStartUpWhenADueTimePassedWhileDown() throws Exception {
        // due every day at 03:00, last changed two days ago and never run: at least one due time was missed
        long missed = insert("0 0 3 * * ?", true, Instant.now().minus(Duration.ofDays(2)));
        long upToDate = insert("0 0 3 * * ?", true, Instant.now());
        try {
            registry.catchUp();
            List<Map<String, Object>> runs = awaitRuns(missed, r -> count(r, "succeeded") == 1, Duration.ofSeconds(20));
            assertThat(runs).singleElement().satisfies(r -> assertThat(r.get("trigger"))
                    .isEqualTo("catch_up"));
            assertThat(runs(upToDate)).isEmpty();
        } finally {
            delete(missed);
            delete(upToDate);
        }
    }

    @Test
    void refusesABadCronFormatAndFolderNamingEachField() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"bad\", \"cron\": \"every day\", \"query\": " + QUERY
                        + ", \"format\": \"pdf\", \"targetFolder\": \"../../etc\", \"keep\": 0}")
                .post("/api/export-schedules")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItems("/cron", "/format", "/targetFolder", "/keep"));
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"bad\", \"cron\": \"0 0 6 * * ?\", \"query\": {\"metrics\": [\"nope\"]},"
                        + " \"format\": \"csv\", \"targetFolder\": \"/tmp\"}")
                .post("/api/export-schedules")
                .then()
                .statusCode(422)
                .body("errors.pointer", hasItems("/targetFolder", "/query/metrics/0"));
    }

    @Test
    void updatesPausesResumesAndDeletesASchedule() {
        long id = create("lifecycle", "0 0 6 * * ?", "csv", unique("life"), 3);
        assertThat(registry.isRegistered(id)).isTrue();
        JsonPath updated = given().contentType(ContentType.JSON)
                .body("{\"name\": \"lifecycle 2\", \"cron\": \"0 30 7 * * ?\", \"view\": {\"name\": \"comparison\","
                        + " \"params\": {\"metrics\": [\"requests.new.total\"], \"rows\": \"province\","
                        + " \"years\": [2020, 2021]}}, \"format\": \"xlsx\", \"targetFolder\": \"life\", \"keep\": 4}")
                .put("/api/export-schedules/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(updated.getString("cron")).isEqualTo("0 30 7 * * ?");
        assertThat(updated.getString("view.name")).isEqualTo("comparison");
        assertThat(updated.getString("query")).isNull();
        given().post("/api/export-schedules/" + id + "/pause").then().statusCode(200);
        assertThat(registry.isRegistered(id)).isFalse();
        given().get("/api/export-schedules/" + id)
                .then()
                .statusCode(200)
                .body("active", org.hamcrest.Matchers.is(false));
        given().post("/api/export-schedules/" + id + "/resume").then().statusCode(200);
        assertThat(registry.isRegistered(id)).isTrue();
        given().get("/api/export-schedules").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem((int) id));
        given().delete("/api/export-schedules/" + id).then().statusCode(204);
        given().get("/api/export-schedules/" + id).then().statusCode(404).contentType("application/problem+json");
        assertThat(registry.isRegistered(id)).isFalse();
    }

    /** A schedule as a previous run of the service left it in the database. */
    private long insert(String cron, boolean active, Instant updatedAt) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into export_schedule (name, cron, query, format, target_folder, keep, active,"
                                + " created_at, updated_at) values ('stored', ?, cast(? as jsonb), 'csv', ?, 3, ?, ?, ?)"
                                + " returning id")) {
            s.setString(1, cron);
            s.setString(2, QUERY);
            s.setString(3, unique("stored"));
            s.setBoolean(4, active);
            s.setTimestamp(5, java.sql.Timestamp.from(updatedAt));
            s.setTimestamp(6, java.sql.Timestamp.from(updatedAt));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void delete(long id) {
        registry.unregister(id);
        given().delete("/api/export-schedules/" + id);
    }
}
