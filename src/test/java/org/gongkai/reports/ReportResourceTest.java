package org.gongkai.reports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.gongkai.TestFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("database")
class ReportResourceTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonPath post(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/reports")
                .then()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .extract()
                .jsonPath();
    }

    @Test
    void storesSeed001TablesAndReadsThemBackCellForCell() throws Exception {
        String body = TestFiles.text("reports/seed-001.json");
        JsonPath created = post(body);
        String id = created.getString("id");

        JsonPath read = given().get("/api/reports/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(read.getString("agency.name")).isEqualTo("牡丹江市教育局");
        assertThat(read.getString("agency.regionCode")).isEqualTo("231000");
        assertThat(read.getString("agency.region.province")).isEqualTo("黑龙江省");
        assertThat(read.getString("agency.region.city")).isEqualTo("牡丹江市");
        assertThat(read.getString("agency.region.county")).isNull();
        assertThat(read.getString("agency.level")).isEqualTo("city");
        assertThat(read.getString("agency.sector")).isEqualTo("education");
        assertThat(read.getInt("year")).isEqualTo(2019);
        assertThat(read.getString("format")).isEqualTo("2019");

        JsonNode submitted = json.readTree(body).get("figures");
        Map<String, Object> figures = read.getMap("figures");
        Iterator<Map.Entry<String, JsonNode>> cells = submitted.fields();
        int compared = 0;
        while (cells.hasNext()) {
            Map.Entry<String, JsonNode> cell = cells.next();
            String path = "figures.'" + cell.getKey() + "'";
            assertThat(new BigDecimal(read.getString(path + ".value")))
                    .as(cell.getKey())
                    .isEqualByComparingTo(cell.getValue().decimalValue());
            assertThat(read.getString(path + ".bound")).isEqualTo("exact");
            assertThat(read.getString(path + ".source.kind")).isEqualTo("submitted");
            compared++;
        }
        assertThat(compared).isEqualTo(135);
        // exact decimals: the amount comes back with its four places, not as a double
        assertThat(read.getString("figures.'proactive.procurement.amount_10k_yuan'.value"))
                .isEqualTo("885.1737");
        // subtotal derived from its eight reasons, marked as derived
        assertThat(read.getString("figures.'outcome.denied.total'.source.kind")).isEqualTo("derived");
        assertThat(figures).doesNotContainKey("outcome.unavailable.total"); // one reason row is missing

        List<Map<String, Object>> checks = read.getList("checks");
        assertThat(checks).isNotEmpty().allSatisfy(c -> assertThat(c.get("passed"))
                .isEqualTo(true));
        assertThat(checks)
                .extracting(c -> c.get("rule"))
                .contains("requests.row_total", "review.total")
                .doesNotContain("requests.balance"); // the cut-short table has no 总计 or 结转 rows to balance
        assertThat(read.getList("missing", String.class))
                .containsExactly(
                        "outcome.unavailable.unclear.*",
                        "outcome.not_processed.petition.*",
                        "outcome.not_processed.duplicate.*",
                        "outcome.not_processed.publication.*",
                        "outcome.not_processed.mass_repeated.*",
                        "outcome.not_processed.confirm_reissue.*",
                        "outcome.other.*",
                        "outcome.total.*",
                        "requests.carried_forward.*");
    }

    @Test
    void storesTheProseFiguresOfSeeds000To003WithTheirBounds() {
        JsonPath s000 = post(TestFiles.text("reports/seed-000.json"));
        assertThat(s000.getString("agency.regionCode")).isEqualTo("621100");
        assertThat(s000.getInt("figures.'proactive.items_published'.value")).isEqualTo(392);
        assertThat(s000.getList("missing")).isEmpty();

        JsonPath s002 = post(TestFiles.text("reports/seed-002.json"));
        assertThat(s002.getString("agency.regionCode")).isEqualTo("210503");
        assertThat(s002.getString("agency.level")).isEqualTo("county");
        assertThat(s002.getString("figures.'proactive.items_published'.bound")).isEqualTo("at_least");
        assertThat(s002.getInt("figures.'review.total'.value")).isZero();

        JsonPath s003 = post(TestFiles.text("reports/seed-003.json"));
        assertThat(s003.getString("agency.regionCode")).isEqualTo("340000");
        assertThat(s003.getString("agency.level")).isEqualTo("province");
        assertThat(s003.getInt("figures.'proactive.items_published'.value")).isEqualTo(13000);
        assertThat(s003.getInt("figures.'proactive.normative_docs.in_force'.value"))
                .isEqualTo(184);
        // prose states no 上年结转, so the balance rule has a missing term and is not run rather than failed
        assertThat(s003.getList("checks.rule", String.class)).doesNotContain("requests.balance");
    }

    @Test
    void recordsFailedCrossChecksWithTheirNumbersInsteadOfRejecting() {
        String body =
                """
                {"agency": {"name": "本溪市公安局"}, "year": 2022, "format": "2021",
                 "figures": {"requests.new.total": 10, "requests.carried_over.total": 2,
                             "outcome.total.total": 9, "requests.carried_forward.total": 2,
                             "review.upheld": 1, "review.corrected": 1, "review.other": 0, "review.pending": 0,
                             "review.total": 3}}
                """;
        JsonPath r = post(body);
        List<Map<String, Object>> failed = r.getList("checks.findAll { !it.passed }");
        assertThat(failed).extracting(c -> c.get("rule")).containsExactlyInAnyOrder("requests.balance", "review.total");
        Map<String, Object> balance = failed.stream()
                .filter(c -> c.get("rule").equals("requests.balance"))
                .findFirst()
                .orElseThrow();
        assertThat(balance.get("expected")).isEqualTo(12);
        assertThat(balance.get("actual")).isEqualTo(11);
        assertThat((String) balance.get("message")).contains("expected 12").contains("found 11");
    }

    @Test
    void resubmittingAnAgencyYearMakesANewLatestRevisionAndKeepsTheOld() {
        String v1 =
                """
                {"agency": {"name": "鞍山市人民政府办公室"}, "year": 2021, "format": "2021",
                 "figures": {"requests.new.total": 5}}
                """;
        String v2 = v1.replace("\"requests.new.total\": 5", "\"requests.new.total\": 6");
        JsonPath first = post(v1);
        JsonPath second = post(v2);
        assertThat(first.getString("agency.regionCode")).isEqualTo("210300"); // 鞍山, not 马鞍山
        assertThat(first.getString("agency.sector")).isEqualTo("government_office");
        assertThat(second.getInt("revision")).isEqualTo(first.getInt("revision") + 1);
        assertThat(second.getBoolean("latest")).isTrue();

        JsonPath old = given().get("/api/reports/" + first.getString("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(old.getBoolean("latest")).isFalse();
        assertThat(old.getInt("figures.'requests.new.total'.value")).isEqualTo(5);

        given().queryParam("agency", "鞍山市人民政府办公室")
                .queryParam("year", 2021)
                .get("/api/reports")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(second.getString("id")));
        given().queryParam("agency", "鞍山市人民政府办公室")
                .queryParam("allRevisions", true)
                .get("/api/reports")
                .then()
                .statusCode(200)
                .body("total", equalTo(2));
    }

    @Test
    void listsReportsUnderAProvinceCode() {
        post(
                """
                {"agency": {"name": "宁波市教育局"}, "year": 2020, "format": "2019", "figures": {}}
                """);
        JsonPath page = given().queryParam("regionCode", "330000")
                .get("/api/reports")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getList("items.agency.name", String.class))
                .contains("宁波市教育局")
                .allSatisfy(n -> assertThat(n).isNotEqualTo("牡丹江市教育局"));
    }

    @Test
    void answersAnUnknownReportWith404Problem() {
        given().get("/api/reports/999999999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("status", equalTo(404));
    }
}
