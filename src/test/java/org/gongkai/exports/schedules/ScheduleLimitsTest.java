package org.gongkai.exports.schedules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Schedules no more often than the configured minimum, crons that fire, bounded folders, plain ids, pruned runs. */
@QuarkusTest
@TestProfile(ScheduleLimitsTest.Limits.class)
@Tag("database")
class ScheduleLimitsTest {

    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gongkai.exports.schedules.min-interval", "PT1H",
                    "gongkai.exports.schedules.keep-runs", "3");
        }
    }

    private static final String QUERY = "{\"metrics\": [\"requests.new.total\"], \"groupBy\": [\"year\"]}";

    @Inject
    AgroalDataSource dataSource;

    private static String body(String cron, String folder) {
        return "{\"name\": \"limits\", \"cron\": \"" + cron + "\", \"query\": " + QUERY
                + ", \"format\": \"csv\", \"targetFolder\": \"" + folder + "\", \"keep\": 2}";
    }

    private static void refused(String body, String pointer) {
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/export-schedules")
                .then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors.pointer", hasItem(pointer));
    }

    @Test
    void refusesACronFiringMoreOftenThanTheMinimumInterval() {
        refused(body("* * * * * ?", "limits"), "/cron");
        refused(body("0 */10 * * * ?", "limits"), "/cron");
    }

    @Test
    void refusesACronThatCanNeverFire() {
        refused(body("0 0 0 31 2 ?", "limits"), "/cron");
    }

    @Test
    void refusesATargetFolderTooLongOrTooDeep() {
        refused(body("0 0 6 * * ?", "a".repeat(5000)), "/targetFolder");
        refused(body("0 0 6 * * ?", "d/".repeat(300) + "end"), "/targetFolder");
    }

    @Test
    void idsThatAreNotPlainAsciiIntegersResolveToNothing() {
        long id = create();
        given().get("/api/export-schedules/" + id).then().statusCode(200);
        given().urlEncodingEnabled(false)
                .get("/api/export-schedules/" + id + ";ls")
                .then()
                .statusCode(404);
        given().get("/api/export-schedules/" + fullWidth(id)).then().statusCode(404);
        given().get("/api/export-runs/" + fullWidth(id)).then().statusCode(404);
        given().urlEncodingEnabled(false).get("/api/export-runs/1;ls").then().statusCode(404);
    }

    @Test
    void keepsOnlyTheNewestRunRecordsOfASchedule() throws Exception {
        long id = create();
        for (int i = 0; i < 6; i++) {
            long newest = count("select coalesce(max(id), 0) from export_run where schedule_id = " + id);
            given().post("/api/export-schedules/" + id + "/run").then().statusCode(202);
            awaitRunAfter(id, newest);
        }
        assertThat(count("select count(*) from export_run where schedule_id = " + id))
                .as("run records kept (keep-runs = 3)")
                .isEqualTo(3);
    }

    private static long create() {
        return given().contentType(ContentType.JSON)
                .body(body("0 0 6 * * ?", "limits-" + System.nanoTime()))
                .post("/api/export-schedules")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static String fullWidth(long id) {
        StringBuilder b = new StringBuilder();
        for (char c : Long.toString(id).toCharArray()) b.append((char) ('０' + (c - '0')));
        return b.toString();
    }

    /**
     * Waits for the run the POST started to end: a record newer than {@code newest}, none running, and the files beyond
     * the schedule's {@code keep} (2) marked deleted, which the run does after it succeeded (the POST answers before the
     * run's record exists, so "nothing running" alone can be the moment before it starts).
     */
    private void awaitRunAfter(long id, long newest) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String of = "select count(*) from export_run where schedule_id = " + id;
        while (count(of + " and status = 'running'") > 0
                || count(of + " and id > " + newest) == 0
                || count(of + " and status = 'succeeded' and file_deleted_at is null") > 2) {
            assertThat(System.nanoTime()).as("the run finished").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
