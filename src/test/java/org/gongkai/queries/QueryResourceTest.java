package org.gongkai.queries;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Queries over a small dataset in 吉林省 whose answers were computed by hand (see each assertion), so they do not
 * depend on the code under test. REST Assured knows the random test port only per test, hence the lazy load.
 */
@QuarkusTest
@Tag("database")
class QueryResourceTest {

    @Inject
    QueryEngine engine;

    private static void submit(String agency, int year, String format, String figures) {
        given().contentType(ContentType.JSON)
                .body("{\"agency\": {\"name\": \"" + agency + "\"}, \"year\": " + year + ", \"format\": \"" + format
                        + "\", \"figures\": {" + figures + "}}")
                .post("/api/reports")
                .then()
                .statusCode(201);
    }

    private static boolean loaded;

    @BeforeEach
    void loadDatasetOnce() {
        if (loaded) return;
        loaded = true;
        submit(
                "吉林省教育厅",
                2022,
                "2021",
                """
                "requests.new.total": 10, "outcome.granted.total": 4, "outcome.partial.total": 2,
                "outcome.total.total": 8, "review.corrected": 1, "review.total": 3, "review.pending": 1""");
        submit(
                "长春市教育局",
                2022,
                "2021",
                """
                "requests.new.total": 5, "outcome.granted.total": 1, "outcome.partial.total": 1,
                "outcome.total.total": 4, "proactive.items_published": 100, "proactive.normative_docs.in_force": 20""");
        submit(
                "长春市朝阳区教育局",
                2022,
                "2021",
                """
                "requests.new.total": 2, "outcome.granted.total": 2, "outcome.total.total": 2,
                "proactive.items_published": {"value": 1000, "bound": "at_least"}""");
        submit(
                "吉林市教育局",
                2022,
                "2021",
                "\"requests.new.total\": 7, \"outcome.granted.total\": 3, \"outcome.total.total\": 6");
        // a second revision replaces the first: only 9 counts
        submit(
                "吉林市教育局",
                2022,
                "2021",
                "\"requests.new.total\": 9, \"outcome.granted.total\": 3, \"outcome.total.total\": 6");
        submit("长春市教育局", 2023, "2021", "\"requests.new.total\": 6, \"proactive.normative_docs.in_force\": 30");
    }

    private static JsonPath query(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/query")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void sumsByCityWithProvinceLevelAgenciesInTheirOwnGroupAndLatestRevisionsOnly() {
        JsonPath r = query(
                """
                {"metrics": ["requests.new.total"], "groupBy": ["city"],
                 "filters": {"regionCode": "220000", "years": [2022, 2022]}}""");
        assertThat(r.getList("columns.key", String.class)).containsExactly("city", "cityCode", "requests.new.total");
        // 长春市 5 + 朝阳区 2 = 7; 吉林市 latest revision 9; 吉林省教育厅 sits in no city: 10
        assertThat(r.getList("rows", List.class))
                .containsExactly(
                        List.of("长春市", "220100", 7),
                        List.of("吉林市", "220200", 9),
                        java.util.Arrays.asList(null, null, 10));
        assertThat(r.getInt("total")).isEqualTo(3);
        assertThat(r.getInt("coverage.reports")).isEqualTo(4);
        assertThat(r.getInt("coverage.agencies")).isEqualTo(4);
    }

    @Test
    void sumsByProvinceAndYear() {
        JsonPath r = query(
                """
                {"metrics": ["requests.new.total"], "groupBy": ["province", "year"],
                 "filters": {"regionCode": "220000"}}""");
        // 2022: 10 + 5 + 2 + 9 = 26; 2023: 6
        assertThat(r.getList("rows", List.class))
                .containsExactly(List.of("吉林省", "220000", 2022, 26), List.of("吉林省", "220000", 2023, 6));
    }

    @Test
    void filtersByACountyCode() {
        JsonPath r = query(
                """
                {"metrics": ["requests.new.total"], "filters": {"regionCode": "220104", "years": [2022, 2022]}}""");
        assertThat(r.getList("rows", List.class)).containsExactly(List.of(2));
    }

    @Test
    void computesRatesFromSumsNeverFromAveragesOfRates() {
        JsonPath r = query(
                """
                {"metrics": ["rate.grant", "rate.review_correction"],
                 "filters": {"regionCode": "220000", "years": [2022, 2022]}}""");
        // grant: (4+1+2+3 granted + 2+1 partial) / (8+4+2+6) = 13/20; review: 1 / (3 - 1)
        assertThat(r.getFloat("rows[0][0]")).isEqualTo(0.65f);
        assertThat(r.getFloat("rows[0][1]")).isEqualTo(0.5f);
        assertThat(r.getString("columns[0].type")).isEqualTo("rate");
    }

    @Test
    void carriesALowerBoundThroughASum() {
        JsonPath r = query(
                """
                {"metrics": ["proactive.items_published"], "filters": {"regionCode": "220100", "years": [2022, 2022]}}""");
        // 100 exact + 1000余 = at least 1100
        assertThat(r.getMap("rows[0][0]")).containsEntry("value", 1100).containsEntry("bound", "at_least");
    }

    @Test
    void computesYearOverYearChange() {
        JsonPath r = query(
                """
                {"metrics": ["requests.new.total", "yoy:requests.new.total"], "groupBy": ["year"],
                 "filters": {"regionCode": "220100"}}""");
        // 长春市 and 朝阳区: 2022 = 7, 2023 = 6 → (6 - 7) / 7
        assertThat(r.getList("rows[0]")).containsExactly(2022, 7, null);
        assertThat(r.getInt("rows[1][1]")).isEqualTo(6);
        assertThat(r.getDouble("rows[1][2]")).isEqualTo(-0.142857);
    }

    @Test
    void answersFromRollupsAndRawFiguresAlike() {
        QuerySpec rollup = new QuerySpec(
                List.of("requests.new.total", "rate.grant"),
                List.of("city"),
                new QueryFilters("220000", 2022, 2022, List.of(), null, null),
                List.of(),
                100,
                0);
        QuerySpec raw = new QuerySpec(
                List.of("requests.new.total", "rate.grant"),
                List.of("city"),
                new QueryFilters("220000", 2022, 2022, List.of(), null, "education"),
                List.of(),
                100,
                0);
        assertThat(engine.plan(rollup).fromRollup()).isTrue();
        assertThat(engine.plan(raw).fromRollup()).isFalse();
        assertThat(engine.run(raw).rows()).isEqualTo(engine.run(rollup).rows());
    }

    @Test
    void ordersAndPagesRankings() {
        JsonPath r = query(
                """
                {"metrics": ["requests.new.total"], "groupBy": ["agency"], "filters": {"regionCode": "220000", "years": [2022, 2022]},
                 "order": [{"by": "requests.new.total", "dir": "desc"}], "limit": 2}""");
        assertThat(r.getList("rows.collect { it[0] }", String.class)).containsExactly("吉林省教育厅", "吉林市教育局");
        assertThat(r.getInt("total")).isEqualTo(4);
    }

    @Test
    void refusesToSumAStockAcrossYears() {
        given().contentType(ContentType.JSON)
                .body(
                        "{\"metrics\": [\"proactive.normative_docs.in_force\"], \"filters\": {\"regionCode\": \"220100\"}}")
                .post("/api/query")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-summable"))
                .body("errors.pointer", hasItem("/metrics/0"));
        // by year it is fine: 20 in 2022, 30 in 2023
        JsonPath r = query(
                """
                {"metrics": ["proactive.normative_docs.in_force"], "groupBy": ["year"], "filters": {"regionCode": "220100"}}""");
        assertThat(r.getList("rows", List.class)).containsExactly(List.of(2022, 20), List.of(2023, 30));
    }

    @Test
    void answersTheSameQueryByGet() {
        JsonPath r = given().queryParam("metrics", "requests.new.total")
                .queryParam("groupBy", "year")
                .queryParam("regionCode", "220000")
                .queryParam("years", "2023")
                .get("/api/query")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(r.getList("rows", List.class)).containsExactly(List.of(2023, 6));
    }

    @Test
    void namesTheBadParameter() {
        for (Map.Entry<String, String> bad : Map.of(
                        "{\"metrics\": [\"requests.nothing\"]}", "/metrics/0",
                        "{\"metrics\": [\"requests.new.total\"], \"groupBy\": [\"planet\"]}", "/groupBy/0",
                        "{\"metrics\": [\"requests.new.total\"], \"filters\": {\"regionCode\": \"999999\"}}",
                                "/filters/regionCode",
                        "{\"metrics\": [\"requests.new.total\"], \"filters\": {\"years\": \"recent\"}}",
                                "/filters/years",
                        "{\"metrics\": [\"requests.new.total\"], \"limit\": 0}", "/limit",
                        "{\"metrics\": [\"requests.new.total\"], \"order\": [{\"by\": \"colour\"}]}", "/order/0/by",
                        "{\"metrics\": [\"yoy:requests.new.total\"]}", "/metrics/0")
                .entrySet()) {
            given().contentType(ContentType.JSON)
                    .body(bad.getKey())
                    .post("/api/query")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.pointer", hasItem(bad.getValue()));
        }
    }
}
