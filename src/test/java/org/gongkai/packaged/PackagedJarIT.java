package org.gongkai.packaged;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The jar as shipped ({@code target/quarkus-app/quarkus-run.jar}, started by Quarkus as its own process, on the tests'
 * throw-away PostgreSQL): a real document goes in, its figures come out of the report and of a query. The numbers are
 * the ones read by hand in {@code corpus/expected.json} (平潭综合实验区, 2022: 74 new requests, 21 granted).
 */
@QuarkusIntegrationTest
class PackagedJarIT {

    private static byte[] corpus(String name) throws IOException {
        try (InputStream in = PackagedJarIT.class.getResourceAsStream("/corpus/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theShippedJarReadsADocumentAndAnswersQueriesOnIt() throws IOException {
        JsonPath stored = given().contentType("text/plain; charset=UTF-8")
                .body(corpus("07_pingtan-zone-2022.txt"))
                .post("/api/documents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(stored.getString("classification")).isEqualTo("report-2021");
        assertThat(stored.getString("report.agency.regionCode")).isEqualTo("350128");
        assertThat(stored.getInt("report.figures.'requests.new.total'.value")).isEqualTo(74);
        assertThat(stored.getInt("report.figures.'outcome.granted.total'.value"))
                .isEqualTo(21);

        JsonPath answer = given().contentType(ContentType.JSON)
                .body(
                        """
                        {"metrics": ["requests.new.total", "outcome.granted.total"], "groupBy": ["year"],
                         "filters": {"regionCode": "350128", "years": [2022, 2022]}}""")
                .post("/api/query")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(answer.getList("columns.key", String.class))
                .containsExactly("year", "requests.new.total", "outcome.granted.total");
        assertThat(answer.getList("rows[0]", Integer.class)).containsExactly(2022, 74, 21);
    }

    @Test
    void theShippedJarAnswersProblemsAsJson() {
        given().contentType(ContentType.JSON)
                .body("{\"agency\": ")
                .post("/api/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
