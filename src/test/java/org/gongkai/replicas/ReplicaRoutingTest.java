package org.gongkai.replicas;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.gongkai.database.StreamingReplica;
import org.gongkai.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads on a real streaming replica: with its replay paused, an answer that lacks the latest write can only have come
 * from the replica, and one that has it from the primary. So the tests see where each read went: to the replica by
 * default, to the primary for a reader that sends the WAL position its write answered, and to the primary while the
 * replica is gone, back to the replica once it returns.
 */
@QuarkusTest
@TestProfile(ReplicaProfile.class)
class ReplicaRoutingTest {

    /** One year of its own, summed over what these tests post (the profile has a database of its own). */
    private static final int YEAR = 2020;

    private static final String QUERY = "{\"metrics\": [\"requests.new.total\"], \"groupBy\": [\"year\"],"
            + " \"filters\": {\"years\": [" + YEAR + ", " + YEAR + "]}}";

    private static final List<String> AGENCIES =
            List.of("长春市教育局", "吉林市教育局", "四平市教育局", "通化市教育局", "白山市教育局", "松原市教育局", "白城市教育局", "延边朝鲜族自治州教育局");

    /** What has been posted so far: the truth a primary read must show. */
    private static int posted;

    private static int next;

    @Inject
    ReplicaMonitor monitor;

    private StreamingReplica replica;

    @BeforeEach
    void needsAReplica() {
        replica = TestDatabase.replica();
        assumeTrue(replica != null, "no PostgreSQL server binaries with pg_basebackup on this machine");
        await("the replica is up", () -> monitor.status().usable());
    }

    /** Posts one report of the test year, with {@code value} new requests; returns the WAL position answered. */
    private static String post(int value) {
        String agency = AGENCIES.get(next++);
        Response r = given().contentType(ContentType.JSON)
                .body("{\"agency\": {\"name\": \"" + agency + "\"}, \"year\": " + YEAR
                        + ", \"format\": \"2021\", \"figures\": {\"requests.new.total\": " + value + "}}")
                .post("/api/reports");
        assertThat(r.statusCode()).isEqualTo(201);
        posted += value;
        String lsn = r.header(WalPositions.WRITTEN);
        assertThat(lsn).as("a write answers the primary's WAL position").matches("[0-9A-F]+/[0-9A-F]+");
        return lsn;
    }

    /** The year's sum as the service answers it (0 before anything was posted). */
    private static int sum(Map<String, String> headers) {
        JsonPath j = given().headers(headers)
                .contentType(ContentType.JSON)
                .body(QUERY)
                .post("/api/query")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<List<Object>> rows = j.getList("rows");
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get(1)).intValue();
    }

    private static int sum() {
        return sum(Map.of());
    }

    @Test
    void readsGoToTheReplicaAndAWriterThatSendsItsPositionReadsItsOwnWrite() {
        post(10);
        await("the replica replayed the first write", () -> sum() == posted);
        int before = posted;

        replica.onReplica("select pg_wal_replay_pause()");
        try {
            String lsn = post(20);
            assertThat(sum())
                    .as("a plain read is the replica's, which has not replayed the write")
                    .isEqualTo(before);
            assertThat(sum(Map.of(WalPositions.READ_AFTER, lsn)))
                    .as("a read after the writer's position is answered by the primary")
                    .isEqualTo(posted);
            monitor.check();
            JsonPath health = given().get("/q/health/ready").then().extract().jsonPath();
            Map<String, Object> data = health.getMap("checks.find { it.name == 'replica' }.data");
            assertThat(data.get("state")).isEqualTo("up");
            assertThat(((Number) data.get("lagBytes")).longValue()).isPositive();
        } finally {
            replica.onReplica("select pg_wal_replay_resume()");
        }
        await("the replica replayed the second write", () -> sum() == posted);
    }

    @Test
    void readsFallBackToThePrimaryWhileTheReplicaIsGoneAndReturnToItAfter() {
        post(40);
        await("the replica replayed the write", () -> sum() == posted);
        replica.onReplica("select pg_wal_replay_pause()");
        post(80);
        int onReplica = posted - 80;
        assertThat(sum())
                .as("the replica answers, paused before the last write")
                .isEqualTo(onReplica);

        replica.killReplica();
        try {
            await("the replica is marked down", () -> !monitor.status().usable());
            assertThat(sum())
                    .as("the primary answers while the replica is gone")
                    .isEqualTo(posted);
            JsonPath health = given().get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            Map<String, Object> data = health.getMap("checks.find { it.name == 'replica' }.data");
            assertThat(data).containsEntry("state", "down").containsEntry("reads", "primary");
        } finally {
            replica.startReplica();
        }
        await("the replica is up again", () -> monitor.status().usable());
        await("the restarted replica replayed every write", () -> sum() == posted);
        replica.onReplica("select pg_wal_replay_pause()");
        try {
            int replayed = posted;
            post(160);
            assertThat(sum()).as("reads are the replica's again").isEqualTo(replayed);
        } finally {
            replica.onReplica("select pg_wal_replay_resume()");
        }
    }

    @Test
    void refusesAPositionThatIsNotOne() {
        given().header(WalPositions.READ_AFTER, "yesterday")
                .contentType(ContentType.JSON)
                .body(QUERY)
                .post("/api/query")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private static void await(String what, BooleanSupplier done) {
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(end)) throw new AssertionError("never: " + what);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
