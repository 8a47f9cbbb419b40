package org.gongkai.queries;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import org.gongkai.storage.DataVersion;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The answer cache: a question asked again is answered from it (told by {@code Gongkai-Cache}), any write — by this
 * instance or, through the database's data version, by another — makes the next answer a fresh one that includes it,
 * and a token never reads an answer outside its scope. Each test asks about a province no other test writes in; the
 * expected sums are the test's own additions of what it submitted.
 */
@QuarkusTest
@Tag("database")
class AnswerCacheTest {

    @Inject
    AgroalDataSource dataSource;

    private static final String CACHE = "Gongkai-Cache";

    private static void submit(String agency, String region, int year, int requests) {
        given().contentType(ContentType.JSON)
                .body(report(agency, region, year, requests))
                .post("/api/reports")
                .then()
                .statusCode(201);
    }

    private static String report(String agency, String region, int year, int requests) {
        return "{\"agency\": {\"name\": \"" + agency + "\", \"regionCode\": \"" + region + "\"}, \"year\": " + year
                + ", \"format\": \"2021\", \"figures\": {\"requests.new.total\": " + requests + "}}";
    }

    private static String byYear(String region) {
        return "{\"metrics\": [\"requests.new.total\"], \"groupBy\": [\"year\"], \"filters\": {\"regionCode\": \""
                + region + "\"}}";
    }

    private static Response ask(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/query");
    }

    /** The sum of requests.new.total the answer gives for the year (one row per year). */
    private static int requestsIn(Response answer, int year) {
        List<List<Object>> rows =
                answer.then().statusCode(200).extract().jsonPath().getList("rows");
        return rows.stream()
                .filter(r -> ((Number) r.get(0)).intValue() == year)
                .mapToInt(r -> ((Number) r.get(1)).intValue())
                .sum();
    }

    @Test
    void aRepeatedQueryIsAnsweredFromTheCacheAndCountedInTheMetrics() {
        int before = requestsIn(ask(byYear("630000")), 2022); // what other tests' corpora put there
        submit("青海省民政厅", "630000", 2022, 11);
        submit("西宁市民政局", "630100", 2022, 4);
        double hitsBefore = hits();
        Response first = ask(byYear("630000"));
        assertThat(first.header(CACHE)).isEqualTo("miss");
        assertThat(requestsIn(first, 2022)).isEqualTo(before + 11 + 4);
        Response again = ask(byYear("630000"));
        assertThat(again.header(CACHE)).isEqualTo("hit");
        assertThat(again.body().asString()).isEqualTo(first.body().asString());
        // the same question by GET is the same question
        Response byGet = given().get("/api/query?metrics=requests.new.total&groupBy=year&regionCode=630000");
        assertThat(byGet.header(CACHE)).isEqualTo("hit");
        assertThat(hits()).isGreaterThanOrEqualTo(hitsBefore + 2);
        // a view built on the engine shares it, and repeats from it
        assertThat(given().get("/api/views/request-outcomes?regionCode=630000&year=2022")
                        .header(CACHE))
                .isEqualTo("miss");
        assertThat(given().get("/api/views/request-outcomes?regionCode=630000&year=2022")
                        .header(CACHE))
                .isEqualTo("hit");
        assertThat(given().get("/api/views/coverage?regionCode=630000&year=2022")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header(CACHE))
                .isEqualTo("miss");
        assertThat(given().get("/api/views/coverage?regionCode=630000&year=2022")
                        .header(CACHE))
                .isEqualTo("hit");
    }

    @Test
    void aWriteMakesTheNextAnswerFreshAndIncludeIt() {
        String q = byYear("640000");
        int before = requestsIn(ask(q), 2022);
        submit("宁夏回族自治区民政厅", "640000", 2022, 7);
        assertThat(requestsIn(ask(q), 2022)).isEqualTo(before + 7);
        assertThat(ask(q).header(CACHE)).isEqualTo("hit");

        submit("银川市民政局", "640100", 2022, 5);
        Response afterSubmission = ask(q);
        assertThat(afterSubmission.header(CACHE)).isEqualTo("miss");
        assertThat(requestsIn(afterSubmission, 2022)).isEqualTo(before + 7 + 5);

        // a correction: a new revision of the same agency-year replaces the old one's 5 by 6
        submit("银川市民政局", "640100", 2022, 6);
        assertThat(requestsIn(ask(q), 2022)).isEqualTo(before + 7 + 6);

        // a bulk load
        given().contentType("application/x-ndjson")
                .body((report("石嘴山市民政局", "640200", 2022, 3) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/reports/bulk")
                .then()
                .statusCode(200);
        Response afterBulk = ask(q);
        assertThat(afterBulk.header(CACHE)).isEqualTo("miss");
        assertThat(requestsIn(afterBulk, 2022)).isEqualTo(before + 7 + 6 + 3);

        // an export of the same question after the write streams the new answer too
        String csv = given().contentType(ContentType.JSON)
                .body(q)
                .post("/api/query?format=csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv).contains(Integer.toString(before + 7 + 6 + 3));
    }

    @Test
    void aWriteByAnotherInstanceCountsThroughTheDatabase() throws Exception {
        submit("甘肃省民政厅", "620000", 2021, 2);
        String q = byYear("620000");
        ask(q);
        assertThat(ask(q).header(CACHE)).isEqualTo("hit");
        // what another instance's write leaves in this database: the data version raised in its transaction
        try (Connection c = dataSource.getConnection()) {
            DataVersion.bump(c);
        }
        assertThat(ask(q).header(CACHE)).isEqualTo("miss");
    }

    @Test
    void aTokenNeverReadsAnAnswerOutsideItsScope() {
        int hainanBefore = requestsIn(ask(byYear("460000")), 2022);
        int tibetBefore = requestsIn(ask(byYear("540000")), 2022);
        submit("海南省民政厅", "460000", 2022, 13);
        submit("西藏自治区民政厅", "540000", 2022, 17);
        String hainan = supervisor("海南 supervisor", "460000");
        String tibet = supervisor("西藏 supervisor", "540000");
        Response own =
                as(hainan).contentType(ContentType.JSON).body(byYear("460000")).post("/api/query");
        assertThat(requestsIn(own, 2022)).isEqualTo(hainanBefore + 13);
        assertThat(as(hainan)
                        .contentType(ContentType.JSON)
                        .body(byYear("460000"))
                        .post("/api/query")
                        .header(CACHE))
                .isEqualTo("hit");
        // the same question from a token of another region is refused, cached or not
        Response elsewhere =
                as(tibet).contentType(ContentType.JSON).body(byYear("460000")).post("/api/query");
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.body().asString()).doesNotContain("\"rows\"");
        // and its own question is answered with its own figures
        Response tibetOwn =
                as(tibet).contentType(ContentType.JSON).body(byYear("540000")).post("/api/query");
        assertThat(tibetOwn.header(CACHE)).isEqualTo("miss");
        assertThat(requestsIn(tibetOwn, 2022)).isEqualTo(tibetBefore + 17);
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private static String supervisor(String name, String region) {
        return given().contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"role\": \"supervisor\", \"regionCode\": \"" + region + "\"}")
                .post("/api/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }

    /** cache_gets_total{cache="answers",result="hit"} as the service's metrics say. */
    private static double hits() {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("cache_gets_total")
                        && l.contains("cache=\"answers\"")
                        && l.contains("result=\"hit\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
