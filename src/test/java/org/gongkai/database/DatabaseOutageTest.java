package org.gongkai.database;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.function.Supplier;
import org.gongkai.TestFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** PostgreSQL stopped and started again under the running service: 503 problem+json meanwhile, then 200 by itself. */
@QuarkusTest
@Tag("database")
class DatabaseOutageTest {

    @Test
    void answers503WhileThePostgresIsDownAndRecoversWhenItReturns() {
        Assumptions.assumeTrue(TestDatabase.canStopTheServer(), "needs the embedded test server, which it stops");
        given().get("/api/reports?limit=1").then().statusCode(200);

        TestDatabase.outage(() -> {
            for (String path : new String[] {"/api/reports?limit=1", "/api/views/coverage?year=2023"}) {
                Response r = eventually(() -> given().get(path), 503, Duration.ofSeconds(20));
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.header("Retry-After")).isEqualTo("5");
                assertThat(r.jsonPath().getString("type")).isEqualTo("/problems/database-unavailable");
                assertThat(r.asString()).doesNotContain("PSQL").doesNotContain("localhost");
            }
            Response post = given().contentType("application/json")
                    .body(TestFiles.text("reports/seed-001.json"))
                    .post("/api/reports");
            assertThat(post.statusCode()).as(post.asString()).isEqualTo(503);
            assertThat(post.contentType()).startsWith("application/problem+json");
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        });

        eventually(() -> given().get("/api/reports?limit=1"), 200, Duration.ofSeconds(30));
        eventually(() -> given().get("/q/health/ready"), 200, Duration.ofSeconds(30));
    }

    /** The first answer with the wanted status within the time, polled every 200 ms; fails with the last answer. */
    private static Response eventually(Supplier<Response> call, int status, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Response r;
        while ((r = call.get()).statusCode() != status && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(r.statusCode()).as("last answer: " + r.asString()).isEqualTo(status);
        return r;
    }
}
