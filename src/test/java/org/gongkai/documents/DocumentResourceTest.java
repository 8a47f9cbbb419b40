package org.gongkai.documents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.Charset;
import java.util.Map;
import org.gongkai.TestFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The seed documents through {@code POST /api/documents}, as a crawler would send them. */
@QuarkusTest
@Tag("database")
class DocumentResourceTest {

    private static JsonPath post(byte[] body, String contentType, int status) {
        return given().contentType(contentType)
                .body(body)
                .post("/api/documents")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    @Test
    void storesSeed001AsA2019ReportWithEveryFigureTracedToItsText() {
        byte[] seed = TestFiles.bytes("seeds/001_228ab8e062f15c07.txt");
        JsonPath created = post(seed, "text/plain; charset=UTF-8", 201);
        assertThat(created.getString("classification")).isEqualTo("report-2019");
        assertThat(created.getString("report.agency.regionCode")).isEqualTo("231000");
        assertThat(created.getInt("report.year")).isEqualTo(2019);
        assertThat(created.getString("report.documentId")).isEqualTo(created.getString("documentId"));
        assertThat(created.getString("report.figures.'proactive.procurement.amount_10k_yuan'.value"))
                .isNotNull();
        assertThat(created.getList("report.missing", String.class)).contains("outcome.total.*");

        String text = given().get("/api/documents/" + created.getString("documentId"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("text");
        Map<String, Map<String, Object>> figures = created.getMap("report.figures");
        int traced = 0;
        for (Map.Entry<String, Map<String, Object>> f : figures.entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) f.getValue().get("source");
            if (!"table".equals(source.get("kind")) && !"prose".equals(source.get("kind"))) continue;
            int start = (Integer) source.get("start");
            int end = (Integer) source.get("end");
            assertThat(text.substring(start, end)).as(f.getKey()).isEqualTo(source.get("text"));
            traced++;
        }
        assertThat(traced).isGreaterThan(100);

        // the same bytes again: same document, same report, nothing new
        JsonPath again = post(seed, "text/plain; charset=UTF-8", 200);
        assertThat(again.getString("documentId")).isEqualTo(created.getString("documentId"));
        assertThat(again.getString("report.id")).isEqualTo(created.getString("report.id"));
    }

    @Test
    void detectsGb18030WhenNoCharsetIsNamed() {
        byte[] gbk = TestFiles.text("seeds/002_19b8e9ec41e9b207.txt").getBytes(Charset.forName("GB18030"));
        JsonPath r = post(gbk, "text/plain", 201);
        assertThat(r.getString("classification")).isEqualTo("report-narrative");
        assertThat(r.getString("report.agency.regionCode")).isEqualTo("210503");
        assertThat(r.getString("report.figures.'proactive.items_published'.bound"))
                .isEqualTo("at_least");
    }

    @Test
    void refusesAnImplementationPlanAsNotAReportAndStoresNothing() {
        given().contentType("text/plain; charset=UTF-8")
                .body(TestFiles.bytes("seeds/004_683ea54067db49ce.txt"))
                .post("/api/documents")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("classification", equalTo("not-a-report"))
                .body("type", equalTo("/problems/not-a-report"))
                .body("detail", org.hamcrest.Matchers.containsString("实施方案"));
        given().queryParam("agency", "鞍山市教育局").get("/api/reports").then().body("total", equalTo(0));
    }

    @Test
    void refusesBinaryGarbageWith422() {
        byte[] garbage = new byte[4096];
        new java.util.Random(1).nextBytes(garbage);
        given().contentType("application/octet-stream")
                .body(garbage)
                .post("/api/documents")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unreadable-document"));
    }
}
