package org.gongkai.views;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The named views over a small 山西省 dataset with hand-computed answers. */
@QuarkusTest
@Tag("database")
class ViewResourceTest {

    private static boolean loaded;

    private static void submit(String agency, int year, String figures) {
        given().contentType(ContentType.JSON)
                .body("{\"agency\": {\"name\": \"" + agency + "\"}, \"year\": " + year
                        + ", \"format\": \"2021\", \"figures\": {" + figures + "}}")
                .post("/api/reports")
                .then()
                .statusCode(201);
    }

    @BeforeEach
    void loadDatasetOnce() {
        if (loaded) return;
        loaded = true;
        submit(
                "太原市教育局",
                2021,
                """
                "requests.new.total": 3, "requests.carried_over.total": 0, "outcome.total.total": 1,
                "requests.carried_forward.total": 2""");
        // carried over 1 although 2 were carried forward; and 4 + 1 ≠ 3 + 1
        submit(
                "太原市教育局",
                2022,
                """
                "requests.new.total": 4, "requests.carried_over.total": 1, "outcome.total.total": 3,
                "requests.carried_forward.total": 1""");
        submit("大同市教育局", 2021, "\"requests.new.total\": 8");
        submit("太原市公安局", 2022, "\"requests.new.total\": 1, \"proactive.items_published\": 50");
    }

    @Test
    void listsWhoReportedAndWhoStoppedReporting() {
        JsonPath r = given().queryParam("regionCode", "140000")
                .queryParam("year", 2022)
                .get("/api/views/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(r.getInt("reported")).isEqualTo(2);
        assertThat(r.getInt("missingCount")).isEqualTo(1);
        assertThat(r.getList("missing.name", String.class)).containsExactly("大同市教育局");
        assertThat(r.getInt("missing[0].lastYear")).isEqualTo(2021);
        assertThat(r.getList("reportedAgencies.name", String.class)).containsExactlyInAnyOrder("太原市教育局", "太原市公安局");
    }

    @Test
    void reportsFailedChecksAndBrokenCarryOverChains() {
        JsonPath r = given().queryParam("regionCode", "140000")
                .queryParam("year", 2022)
                .get("/api/views/anomalies")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(r.getList("failedChecks.agency", String.class)).containsExactly("太原市教育局");
        assertThat(r.getList("failedChecks[0].failed.rule", String.class)).contains("requests.balance");
        assertThat(r.getList("chainBreaks")).hasSize(1);
        assertThat(r.getString("chainBreaks[0].agency")).isEqualTo("太原市教育局");
        assertThat(r.getString("chainBreaks[0].column")).isEqualTo("total");
        assertThat(r.getInt("chainBreaks[0].carriedOver")).isEqualTo(1);
        assertThat(r.getInt("chainBreaks[0].previousCarriedForward")).isEqualTo(2);
    }

    @Test
    void drillsFromACellToTheReportsBehindIt() {
        JsonPath r = given().queryParam("metric", "requests.new.total")
                .queryParam("regionCode", "140100")
                .queryParam("year", 2022)
                .get("/api/views/drill-down")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(r.getInt("total")).isEqualTo(2);
        assertThat(r.getList("items.agency", String.class)).containsExactly("太原市教育局", "太原市公安局");
        assertThat(r.getList("items.value", Integer.class)).containsExactly(4, 1);
        assertThat(r.getString("items[0].source.kind")).isEqualTo("submitted");
    }

    @Test
    void itemsPublishedViewEqualsTheQueryItStandsFor() {
        JsonPath view = given().queryParam("regionCode", "140000")
                .get("/api/views/items-published")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(view.getList("rows", List.class)).containsExactly(List.of(2022, 50));
        JsonPath query = given().contentType(ContentType.JSON)
                .body(
                        "{\"metrics\": [\"proactive.items_published\"], \"groupBy\": [\"year\"], \"filters\": {\"regionCode\": \"140000\"}}")
                .post("/api/query")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(view.getList("rows")).isEqualTo(query.getList("rows"));
    }

    @Test
    void requestOutcomesGoOneLevelBelowTheRegion() {
        JsonPath r = given().queryParam("regionCode", "140000")
                .queryParam("year", 2022)
                .get("/api/views/request-outcomes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(r.getString("columns[0].key")).isEqualTo("city");
        assertThat(r.getList("rows.collect { it[0] }", String.class)).containsExactly("太原市");
        assertThat(r.getInt("rows[0][2]")).isEqualTo(5); // requests.new.total: 4 + 1
    }

    @Test
    void ranksAgenciesByAMetric() {
        JsonPath r = given().queryParam("metric", "requests.new.total")
                .queryParam("regionCode", "140000")
                .queryParam("year", 2021)
                .get("/api/views/rankings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(r.getList("rows.collect { it[0] }", String.class)).containsExactly("大同市教育局", "太原市教育局");
    }

    @Test
    void exportsAViewAsCsvWithTheSameNumbers() {
        byte[] csv = given().queryParam("regionCode", "140000")
                .queryParam("format", "csv")
                .get("/api/views/items-published")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment"))
                .extract()
                .asByteArray();
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        assertThat(text.lines().skip(1).findFirst().orElseThrow()).startsWith("2022,50");
        // on GET /api/query, format=csv chooses the file and format=2021 still filters the reports
        String query = given().queryParam("metrics", "proactive.items_published")
                .queryParam("groupBy", "year")
                .queryParam("regionCode", "140000")
                .queryParam("format", "csv", "2021")
                .get("/api/query")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(query.lines().skip(1).findFirst().orElseThrow()).startsWith("2022,50");
    }

    @Test
    void refusesBadViewParameters() {
        given().queryParam("regionCode", "140000")
                .get("/api/views/coverage")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItem("year"));
        given().queryParam("regionCode", "149999")
                .queryParam("year", 2022)
                .get("/api/views/coverage")
                .then()
                .statusCode(400)
                .body("errors.pointer", hasItem("regionCode"));
        given().queryParam("level", "galaxy")
                .get("/api/views/request-outcomes")
                .then()
                .statusCode(400)
                .body("errors.pointer", hasItem("level"));
        given().get("/api/views/rankings").then().statusCode(400).body("errors.pointer", hasItem("metric"));
    }
}
