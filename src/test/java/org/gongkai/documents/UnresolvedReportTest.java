package org.gongkai.documents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.gongkai.TestFiles;
import org.gongkai.queries.QueryEngine;
import org.gongkai.queries.QueryFilters;
import org.gongkai.queries.QuerySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reports whose agency, region or year cannot be told are kept whole, counted nowhere, and counted once their identity
 * is given. The documents are crawled-page HTML of 市中区审计局 — a name four districts share (济南, 枣庄, 内江, 乐山),
 * and nothing else on the page says which — with figures stated in prose (values read by hand in each assertion).
 */
@QuarkusTest
@Tag("database")
class UnresolvedReportTest {

    private static final String HTML = "text/html; charset=UTF-8";
    private static final String DATED = "unresolved/shizhongqu-audit-2023.html";
    private static final String UNDATED = "unresolved/shizhongqu-audit-undated.html";

    @Inject
    QueryEngine engine;

    @Test
    void keepsAReportOfAnAmbiguousAgencyWithItsFiguresAndCountsItOnlyOnceResolved() {
        byte[] page = TestFiles.bytes(DATED);
        long beforeCity = requests("370100", 2023);
        long beforeCounty = requests("370103", 2023);
        long beforeItems = sum("proactive.items_published", "370100", 2023);

        Response posted = post(page, "");
        assertThat(posted.statusCode()).isEqualTo(202);
        assertThat(posted.header("Location")).contains("/api/documents/");
        JsonPath kept = posted.jsonPath();
        String reportId = kept.getString("report.id");
        String documentId = kept.getString("documentId");
        assertThat(kept.getString("classification")).isEqualTo("report-narrative");
        assertThat(kept.getList("missing", String.class)).containsExactly("regionCode");
        assertThat(kept.getList("candidates")).isNotNull();
        assertThat(kept.getString("report.status")).isEqualTo("unresolved");
        assertThat(kept.getBoolean("report.latest")).isFalse();
        assertThat(kept.getInt("report.revision")).isZero();
        assertThat(kept.getInt("report.year")).isEqualTo(2023);
        assertThat(kept.getString("report.agency.id")).isNull();
        assertThat(kept.getString("report.agency.name")).isEqualTo("市中区审计局");
        assertThat(kept.getString("report.documentId")).isEqualTo(documentId);
        // "本年度共收到政府信息公开申请3件，均已按时办结" and "主动公开政府信息共计86条"
        assertThat(kept.getInt("report.figures.'requests.new.total'.value")).isEqualTo(3);
        assertThat(kept.getInt("report.figures.'outcome.total.total'.value")).isEqualTo(3);
        assertThat(kept.getInt("report.figures.'proactive.items_published'.value"))
                .isEqualTo(86);
        assertThat(kept.getString("report.figures.'requests.new.total'.source.kind"))
                .isEqualTo("prose");
        assertThat(kept.getString("report.figures.'requests.new.total'.source.text"))
                .contains("收到政府信息公开申请3件");

        JsonPath read = report(reportId);
        assertThat(read.getString("status")).isEqualTo("unresolved");
        assertThat(read.getList("missingIdentity", String.class)).containsExactly("regionCode");
        assertThat(read.getList("candidates")).isNotNull();
        assertThat(read.getInt("figures.'requests.new.total'.value")).isEqualTo(3);

        assertThat(listed("unresolved")).contains(reportId);
        assertThat(listed("resolved")).doesNotContain(reportId);

        // counted nowhere: the city's roll-ups, the county's raw figures, drill-down
        assertThat(engine.plan(spec("requests.new.total", "370100", 2023)).fromRollup())
                .isTrue();
        assertThat(requests("370100", 2023)).isEqualTo(beforeCity);
        assertThat(requests("370103", 2023)).isEqualTo(beforeCounty);
        assertThat(sum("proactive.items_published", "370100", 2023)).isEqualTo(beforeItems);
        assertThat(drillDown("370100", 2023)).doesNotContain(reportId);

        // coverage: received but unresolved; nothing on the page places it in a province, so only nationally
        JsonPath nation = coverage(null, 2023);
        assertThat(nation.getLong("unresolved")).isPositive();
        assertThat(nation.getList("unresolvedReports.id", String.class)).contains(reportId);
        assertThat(coverage("370000", 2023).getList("unresolvedReports.id", String.class))
                .doesNotContain(reportId);
        assertThat(coverage(null, 2022).getList("unresolvedReports.id", String.class))
                .doesNotContain(reportId);

        // the same bytes again, without hints: nothing new
        JsonPath again = post(page, "").then().statusCode(200).extract().jsonPath();
        assertThat(again.getString("documentId")).isEqualTo(documentId);
        assertThat(again.getString("report.id")).isEqualTo(reportId);
        assertThat(again.getString("report.status")).isEqualTo("unresolved");
        assertThat(again.getList("missing", String.class)).containsExactly("regionCode");

        // a bad identity is refused with where it is wrong, and changes nothing
        putIdentity(reportId, "{\"agency\": {\"name\": \"市中区审计局\", \"regionCode\": \"999999\"}, \"year\": 2023}")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].pointer", org.hamcrest.Matchers.equalTo("/agency/regionCode"));
        putIdentity(reportId, "{\"agency\": {\"regionCode\": \"37010\"}, \"year\": 2007}")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", org.hamcrest.Matchers.contains("/agency/regionCode", "/year"));
        putIdentity(reportId, "{\"agency\": {\"name\": \"市中区审计局\"}}")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].pointer", org.hamcrest.Matchers.equalTo("/agency/regionCode"));
        putIdentity(reportId, "{\"agency\": ").then().statusCode(400).contentType("application/problem+json");
        assertThat(report(reportId).getString("status")).isEqualTo("unresolved");
        assertThat(requests("370100", 2023)).isEqualTo(beforeCity);

        // given its identity, it becomes the agency-year's first revision, with the figures it was kept with
        JsonPath resolved = putIdentity(
                        reportId, "{\"agency\": {\"name\": \"市中区审计局\", \"regionCode\": \"370103\"}, \"year\": 2023}")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(resolved.getString("id")).isEqualTo(reportId);
        assertThat(resolved.getString("status")).isEqualTo("resolved");
        assertThat(resolved.getList("missingIdentity")).isEmpty();
        assertThat(resolved.getBoolean("latest")).isTrue();
        assertThat(resolved.getInt("revision")).isEqualTo(1);
        assertThat(resolved.getString("agency.regionCode")).isEqualTo("370103");
        assertThat(resolved.getString("agency.region.city")).isEqualTo("济南市");
        assertThat(resolved.getString("agency.id")).isNotNull();
        assertThat(resolved.getInt("figures.'requests.new.total'.value")).isEqualTo(3);
        assertThat(resolved.getString("documentId")).isEqualTo(documentId);

        // now counted, by exactly its figures, in roll-ups and raw figures alike
        assertThat(requests("370100", 2023)).isEqualTo(beforeCity + 3);
        assertThat(requests("370103", 2023)).isEqualTo(beforeCounty + 3);
        assertThat(sum("proactive.items_published", "370100", 2023)).isEqualTo(beforeItems + 86);
        assertThat(drillDown("370100", 2023)).contains(reportId);
        assertThat(listed("unresolved")).doesNotContain(reportId);
        assertThat(listed("resolved")).contains(reportId);
        assertThat(coverage(null, 2023).getList("unresolvedReports.id", String.class))
                .doesNotContain(reportId);
        assertThat(coverage("370100", 2023).getList("reportedAgencies.id", String.class))
                .contains(resolved.getString("agency.id"));

        // a resolved report's identity is not given twice
        putIdentity(reportId, "{\"agency\": {\"name\": \"市中区审计局\", \"regionCode\": \"370402\"}, \"year\": 2023}")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("/problems/already-resolved"));
        assertThat(requests("370100", 2023)).isEqualTo(beforeCity + 3);

        JsonPath last = post(page, "").then().statusCode(200).extract().jsonPath();
        assertThat(last.getString("report.id")).isEqualTo(reportId);
        assertThat(last.getString("report.status")).isEqualTo("resolved");
        assertThat(last.getString("missing")).isNull();
        assertThat(given().get("/api/documents/" + documentId).jsonPath().getList("reportIds", String.class))
                .containsExactly(reportId);
    }

    @Test
    void theSameBytesWithHintsResolveTheKeptReportAsTheAgencyYearsNextRevision() {
        // 枣庄市市中区审计局 submitted its 2022 report as JSON already: 7 requests
        given().contentType(ContentType.JSON)
                .body(
                        """
                        {"agency": {"name": "市中区审计局", "regionCode": "370402"}, "year": 2022, "format": "narrative",
                         "figures": {"requests.new.total": 7}}""")
                .post("/api/reports")
                .then()
                .statusCode(201);
        long before = requests("370400", 2022);
        long beforeCounty = requests("370402", 2022);

        // the undated page: the region hint places it, no year says which year it covers
        byte[] page = TestFiles.bytes(UNDATED);
        JsonPath kept = post(page, "?regionCode=370402")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        String reportId = kept.getString("report.id");
        assertThat(kept.getList("missing", String.class)).containsExactly("year");
        assertThat(kept.getString("report.year")).isNull();
        assertThat(kept.getString("report.agency.regionCode")).isEqualTo("370402");
        // "收到政府信息公开申请2件"
        assertThat(kept.getInt("report.figures.'requests.new.total'.value")).isEqualTo(2);
        assertThat(listed("unresolved")).contains(reportId);
        assertThat(requests("370400", 2022)).isEqualTo(before);

        // in coverage of the region it places itself in, for any year (its own is unknown); not elsewhere
        assertThat(coverage("370400", 2022).getList("unresolvedReports.id", String.class))
                .contains(reportId);
        assertThat(coverage("370000", 2019).getList("unresolvedReports.id", String.class))
                .contains(reportId);
        assertThat(coverage("370100", 2022).getList("unresolvedReports.id", String.class))
                .doesNotContain(reportId);

        // the same bytes with the year: resolved, no new document or report, figures moved to 2022
        JsonPath resolved =
                post(page, "?year=2022").then().statusCode(200).extract().jsonPath();
        assertThat(resolved.getString("documentId")).isEqualTo(kept.getString("documentId"));
        assertThat(resolved.getBoolean("created")).isFalse();
        assertThat(resolved.getString("report.id")).isEqualTo(reportId);
        assertThat(resolved.getString("report.status")).isEqualTo("resolved");
        assertThat(resolved.getInt("report.year")).isEqualTo(2022);
        assertThat(resolved.getInt("report.revision")).isEqualTo(2);
        assertThat(resolved.getBoolean("report.latest")).isTrue();
        assertThat(resolved.getInt("report.figures.'requests.new.total'.value")).isEqualTo(2);
        assertThat(resolved.getInt("report.figures.'proactive.items_published'.value"))
                .isEqualTo(41);

        // the latest revision counts: 7 out, 2 in
        assertThat(requests("370400", 2022)).isEqualTo(before - 7 + 2);
        assertThat(requests("370402", 2022)).isEqualTo(beforeCounty - 7 + 2);
        assertThat(listed("unresolved")).doesNotContain(reportId);
        List<Map<String, Object>> revisions = given().queryParam("agency", "市中区审计局")
                .queryParam("regionCode", "370402")
                .queryParam("year", 2022)
                .queryParam("allRevisions", true)
                .get("/api/reports")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertThat(revisions).extracting(m -> m.get("revision")).containsExactly(2, 1);
        assertThat(revisions).extracting(m -> m.get("latest")).containsExactly(true, false);
    }

    @Test
    void refusesAStatusTheListDoesNotKnow() {
        given().queryParam("status", "pending")
                .get("/api/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        putIdentity("987654321", "{\"agency\": {\"name\": \"市中区审计局\", \"regionCode\": \"370103\"}, \"year\": 2023}")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static Response post(byte[] body, String query) {
        return given().contentType(HTML).body(body).post("/api/documents" + query);
    }

    private static Response putIdentity(String reportId, String body) {
        return given().contentType(ContentType.JSON).body(body).put("/api/reports/" + reportId + "/identity");
    }

    private static JsonPath report(String id) {
        return given().get("/api/reports/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<String> listed(String status) {
        return given().queryParam("status", status)
                .queryParam("agency", "市中区审计局")
                .queryParam("limit", 1000)
                .get("/api/reports")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
    }

    private static JsonPath coverage(String regionCode, int year) {
        var request = given().queryParam("year", year).queryParam("limit", 100000);
        if (regionCode != null) request = request.queryParam("regionCode", regionCode);
        return request.get("/api/views/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<String> drillDown(String regionCode, int year) {
        return given().queryParam("metric", "requests.new.total")
                .queryParam("regionCode", regionCode)
                .queryParam("year", year)
                .queryParam("limit", 10000)
                .get("/api/views/drill-down")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.reportId", String.class);
    }

    private static QuerySpec spec(String metric, String regionCode, int year) {
        return new QuerySpec(
                List.of(metric),
                List.of("year"),
                new QueryFilters(regionCode, year, year, List.of(), null, null),
                List.of(),
                100,
                0);
    }

    private static long requests(String regionCode, int year) {
        return sum("requests.new.total", regionCode, year);
    }

    /** The sum of one metric over a region's latest reports of one year, through POST /api/query; 0 when none. */
    private static long sum(String metric, String regionCode, int year) {
        JsonPath r = given().contentType(ContentType.JSON)
                .body("{\"metrics\": [\"" + metric + "\"], \"groupBy\": [\"year\"], \"filters\": {\"regionCode\": \""
                        + regionCode + "\", \"years\": [" + year + ", " + year + "]}}")
                .post("/api/query")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<List<Object>> rows = r.getList("rows");
        if (rows.isEmpty() || rows.get(0).get(1) == null) return 0;
        Object v = rows.get(0).get(1);
        if (v instanceof Map<?, ?> bounded) v = bounded.get("value");
        return ((Number) v).longValue();
    }
}
