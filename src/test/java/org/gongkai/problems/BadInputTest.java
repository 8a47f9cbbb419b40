package org.gongkai.problems;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Year;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each bad input that once answered 500, an empty body or a 404 (issues 11 and 14), answered as a 4xx
 * {@code application/problem+json} that names what is wrong and tells nothing of the code behind it.
 */
@QuarkusTest
@Tag("database")
class BadInputTest {

    private static final String METRIC = "requests.new.total";
    private static final int LAST_YEAR = Year.now().getValue() + 1;

    private static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("status", equalTo(status))
                .body("title", org.hamcrest.Matchers.notNullValue());
    }

    private static ValidatableResponse query(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/query")
                .then();
    }

    private static void assertProblem(RawHttp.Answer a, int status) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(a.body()).contains("\"status\":" + status).contains("\"title\":");
    }

    @Test
    void nonNumericAndOutOfBoundsParametersAre400NamingTheParameter() {
        problem(given().get("/api/reports?year=abc").then(), 400).body("errors.pointer", hasItem("year"));
        problem(given().get("/api/views/items-published?from=abc").then(), 400).body("errors.pointer", hasItem("from"));
        problem(given().get("/api/reports?limit=x").then(), 400).body("errors.pointer", hasItem("limit"));
        problem(given().get("/api/reports?offset=-1").then(), 400).body("errors.pointer", hasItem("offset"));
        problem(
                        given().get("/api/views/rankings?metric=" + METRIC + "&limit=1e3")
                                .then(),
                        400)
                .body("errors.pointer", hasItem("limit"));
        problem(given().get("/api/documents?sha256=zz").then(), 400).body("errors.pointer", hasItem("sha256"));
    }

    @Test
    void everyEndpointBoundsYearsRegionsAndFormatsAlike() {
        int tooLate = LAST_YEAR + 1;
        for (String target : new String[] {
            "/api/reports?year=" + tooLate,
            "/api/views/coverage?year=" + tooLate,
            "/api/views/items-published?to=" + tooLate,
            "/api/views/anomalies?year=2007"
        }) {
            problem(given().get(target).then(), 400)
                    .body("errors[0].message", equalTo("must be a year between 2008 and " + LAST_YEAR));
        }
        // the last year itself is accepted everywhere
        given().get("/api/reports?year=" + LAST_YEAR).then().statusCode(200);
        given().get("/api/views/coverage?year=" + LAST_YEAR).then().statusCode(200);
        for (String target : new String[] {"/api/reports", "/api/views/anomalies", "/api/views/items-published"}) {
            problem(given().get(target + "?regionCode=12345").then(), 400)
                    .body("errors.pointer", hasItem("regionCode"));
            problem(given().get(target + "?regionCode=999999").then(), 400)
                    .body("errors[0].message", equalTo("no region has the code 999999"));
        }
        query("{\"metrics\": [\"" + METRIC + "\"], \"filters\": {\"regionCode\": \"999999\"}}")
                .statusCode(400)
                .body("errors[0].message", equalTo("no region has the code 999999"));
        query("{\"metrics\": [\"" + METRIC + "\"], \"filters\": {\"years\": [2019, " + tooLate + "]}}")
                .statusCode(400)
                .body("errors[0].message", equalTo("must be a year between 2008 and " + LAST_YEAR));
        problem(given().get("/api/reports?format=2020").then(), 400)
                .body("errors[0].message", equalTo("must be 2019, 2021 or narrative"));
        problem(
                        given().get("/api/views/drill-down?metric=" + METRIC + "&format=x")
                                .then(),
                        400)
                .body("errors[0].message", equalTo("must be 2019, 2021 or narrative"));
    }

    @Test
    void nulInAQueryParameterIs400NamingIt() {
        problem(given().urlEncodingEnabled(false).get("/api/reports?agency=%00").then(), 400)
                .body("errors.pointer", hasItem("agency"));
        problem(
                        given().urlEncodingEnabled(false)
                                .get("/api/query?metrics=" + METRIC + "&sector=a%00b")
                                .then(),
                        400)
                .body("errors.pointer", hasItem("sector"));
        problem(
                        given().urlEncodingEnabled(false)
                                .get("/api/views/drill-down?metric=" + METRIC + "&agency=%00")
                                .then(),
                        400)
                .body("errors.pointer", hasItem("agency"));
    }

    @Test
    void nulInAQueryFilterIs400NamingTheField() {
        problem(query("{\"metrics\": [\"" + METRIC + "\"], \"filters\": {\"agency\": \"教育\\u0000局\"}}"), 400)
                .body("errors.pointer", hasItem("/filters/agency"));
        problem(query("{\"metrics\": [\"" + METRIC + "\"], \"filters\": {\"sector\": \"\\u0000\"}}"), 400)
                .body("errors.pointer", hasItem("/filters/sector"));
        problem(query("{\"metrics\": [\"a\\u0000\"]}"), 400).body("errors.pointer", hasItem("/metrics/0"));
        problem(
                        given().contentType(ContentType.JSON)
                                .body("{\"metrics\": [\"" + METRIC + "\"], \"filters\": {\"agency\": \"\\u0000\"}}")
                                .post("/api/exports?format=csv")
                                .then(),
                        400)
                .body("errors.pointer", hasItem("/filters/agency"));
    }

    @Test
    void twoRegionLevelsInOneGroupByAre400() {
        problem(query("{\"metrics\": [\"" + METRIC + "\"], \"groupBy\": [\"city\", \"county\"]}"), 400)
                .body("errors.pointer", hasItem("/groupBy/1"));
        problem(query("{\"metrics\": [\"" + METRIC + "\"], \"groupBy\": [\"agency\", \"province\"]}"), 400)
                .body("errors.pointer", hasItem("/groupBy/1"));
        problem(
                        given().get("/api/query?metrics=" + METRIC + "&groupBy=year,province,city")
                                .then(),
                        400)
                .body("errors.pointer", hasItem("/groupBy/2"));
        // one region level beside year, format or sector is still a query
        query("{\"metrics\": [\"" + METRIC + "\"], \"groupBy\": [\"year\", \"city\", \"sector\"]}")
                .statusCode(200);
    }

    @Test
    void tooManyMetricsIs400WithTheConfiguredMaximum() {
        String many = ("\"" + METRIC + "\",").repeat(554) + "\"" + METRIC + "\"";
        problem(query("{\"metrics\": [" + many + "]}"), 400)
                .body("errors.pointer", hasItem("/metrics"))
                .body("detail", containsString("at most 200"));
        problem(query("{\"metrics\": [\"" + METRIC + "\", \"" + METRIC + "\"]}"), 400)
                .body("errors.pointer", hasItem("/metrics/1"));
    }

    @Test
    void aJsonAnswerLargerThanTheConfiguredRowsIsRefusedTellingToExport() {
        problem(query("{\"metrics\": [\"" + METRIC + "\"], \"groupBy\": [\"agency\"], \"limit\": 10001}"), 400)
                .body("detail", containsString("export"))
                .body("maxRows", equalTo(10000));
        query("{\"metrics\": [\"" + METRIC + "\"], \"groupBy\": [\"agency\"], \"limit\": 10000}")
                .statusCode(200);
        // a file streams every row
        given().contentType(ContentType.JSON)
                .body("{\"metrics\": [\"" + METRIC + "\"], \"groupBy\": [\"agency\"], \"limit\": 10001}")
                .post("/api/query?format=csv")
                .then()
                .statusCode(200);
    }

    @Test
    void brokenPercentEncodingIs400Problem() {
        for (String target : new String[] {
            "/api/reports?agency=%zz", "/api/re%zzports", "/api/reports?agency=%FF", "/api/reports?agency=%e6%95"
        }) {
            RawHttp.Answer a = RawHttp.get(target);
            assertThat(a.status()).as(target).isEqualTo(400);
            assertThat(a.contentType()).as(target).startsWith(Problem.MEDIA_TYPE);
            assertThat(a.body()).as(target).contains("\"status\":400").contains("\"title\":\"Malformed URI\"");
        }
    }

    @Test
    void anOverLongUriIs414Problem() {
        RawHttp.Answer a = RawHttp.get("/api/reports?agency=" + "a".repeat(20_000));
        assertThat(a.status()).isEqualTo(414);
        assertThat(a.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(a.body()).contains("\"status\":414").contains("at most 16384");
        // just under the limit is read
        assertThat(RawHttp.get("/api/reports?agency=" + "a".repeat(16_000)).status())
                .isEqualTo(200);
    }

    @Test
    void unknownPathsMethodsAndAcceptsAreProblems() {
        problem(given().get("/api/nothing-here").then(), 404);
        problem(given().get("/nothing").then(), 404);
        problem(given().delete("/api/query").then(), 405);
        problem(given().accept("image/png").get("/api/metrics").then(), 406);
    }

    @Test
    void jsonEndpointsAnswer415ForOtherContentTypes() {
        String body = "{\"metrics\": [\"" + METRIC + "\"]}";

        for (String type :
                new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            for (String target : new String[] {
                "/api/reports",
                "/api/query",
                "/api/query/explain",
                "/api/exports?format=csv",
                "/api/exports/comparison?format=csv",
                "/api/export-schedules"
            }) {
                assertProblem(RawHttp.send("POST", target, type, body), 415);
            }
            assertProblem(RawHttp.send("PUT", "/api/reports/1/identity", type, body), 415);
            assertProblem(RawHttp.send("PUT", "/api/export-schedules/1", type, body), 415);
        }
        query(body).statusCode(200);
        given().contentType("application/json; charset=UTF-8")
                .body(body)
                .post("/api/query")
                .then()
                .statusCode(200);
    }

    @Test
    void documentsRefuseFormsButTakeTheirOwnBytes() {
        for (String type : new String[] {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            assertProblem(RawHttp.send("POST", "/api/documents", type, "a=b"), 415);
        }
        // a document's bytes keep whatever type they are sent with (told from the bytes): not a report → 422
        problem(
                given().contentType("text/plain; charset=UTF-8")
                        .body("hello")
                        .post("/api/documents")
                        .then(),
                422);
    }

    @Test
    void noAnswerTellsOfTheCodeBehindIt() {
        for (ValidatableResponse r : new ValidatableResponse[] {
            query("{\"metrics\": [\"" + METRIC + "\"], \"groupBy\": [\"city\", \"county\"]}"),
            query("{\"metrics\": [\"" + METRIC + "\"], \"filters\": {\"agency\": \"\\u0000\"}}"),
            query("{\"metrics\": [" + ("\"" + METRIC + "\",").repeat(600) + "\"x\"]}"),
            given().urlEncodingEnabled(false).get("/api/reports?agency=%00").then(),
            given().get("/api/reports?year=abc").then()
        }) {
            String text = r.extract().asString();
            assertThat(text).doesNotContain("Exception", "PSQL", "ERROR:", "java.", "org.", "SQL");
        }
    }
}
