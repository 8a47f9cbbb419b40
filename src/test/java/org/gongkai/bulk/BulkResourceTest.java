package org.gongkai.bulk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.queries.QueryEngine;
import org.gongkai.queries.QueryFilters;
import org.gongkai.queries.QuerySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("database")
class BulkResourceTest {

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    QueryEngine engine;

    private List<JsonNode> bulk(String ndjson) throws Exception {
        String body = BulkPost.ndjson(ndjson)
                .post("/api/reports/bulk")
                .then()
                .statusCode(200)
                .contentType("application/x-ndjson")
                .extract()
                .asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) lines.add(json.readTree(line));
        return lines;
    }

    @Test
    void storesEveryGoodLineAndNamesEachBadOneByLineNumber() throws Exception {
        String ndjson = String.join(
                "\n",
                "{\"agency\": {\"name\": \"呼和浩特市教育局\"}, \"year\": 2021, \"format\": \"2021\", \"figures\": {\"requests.new.total\": 3}}",
                "{\"agency\": {\"name\": \"包头市教育局\"}, \"year\": 2021, \"format\": \"2021\", \"figures\": {\"requests.new.total\": -1}}",
                "this is not json",
                "",
                "{\"agency\": {\"name\": \"包头市教育局\"}, \"year\": 2021, \"format\": \"2021\", \"figures\": {\"requests.new.total\": 4}}",
                "{\"agency\": {\"name\": \"市教育局\"}, \"year\": 2021, \"format\": \"2021\"}",
                "{\"agency\": {\"name\": \"呼和浩特市教育局\"}, \"year\": 2021, \"format\": \"2021\", \"figures\": {\"requests.new.total\": 5}}");
        List<JsonNode> answer = bulk(ndjson);
        assertThat(answer).hasSize(7); // six non-blank lines and the summary
        assertThat(answer.get(0).get("line").asInt()).isEqualTo(1);
        assertThat(answer.get(0).get("status").asText()).isEqualTo("stored");
        assertThat(answer.get(1).get("status").asText()).isEqualTo("rejected");
        assertThat(answer.get(1).get("errors").get(0).get("pointer").asText()).isEqualTo("/figures/requests.new.total");
        assertThat(answer.get(2).get("line").asInt()).isEqualTo(3);
        assertThat(answer.get(2).get("errors").get(0).get("message").asText()).contains("not valid JSON");
        assertThat(answer.get(3).get("line").asInt()).isEqualTo(5);
        assertThat(answer.get(3).get("status").asText()).isEqualTo("stored");
        assertThat(answer.get(4).get("line").asInt()).isEqualTo(6);
        assertThat(answer.get(4).get("errors").get(0).get("pointer").asText()).isEqualTo("/agency/regionCode");
        // the same agency-year twice in one stream: revisions 1 and 2, the second latest
        assertThat(answer.get(5).get("revision").asInt()).isEqualTo(2);
        JsonNode summary = answer.get(6).get("summary");
        assertThat(summary.get("lines").asInt()).isEqualTo(7);
        assertThat(summary.get("stored").asInt()).isEqualTo(3);
        assertThat(summary.get("rejected").asInt()).isEqualTo(3);

        JsonPath first = given().get("/api/reports/" + answer.get(0).get("id").asText())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(first.getBoolean("latest")).isFalse();
        JsonPath latest = given().get("/api/reports/" + answer.get(5).get("id").asText())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(latest.getBoolean("latest")).isTrue();
        assertThat(latest.getInt("figures.'requests.new.total'.value")).isEqualTo(5);
        assertThat(latest.getString("agency.regionCode")).isEqualTo("150100");
    }

    @Test
    void keepsRollupsEqualToTheRawFiguresAfterABulkLoad() throws Exception {
        StringBuilder ndjson = new StringBuilder();
        String[] cities = {"赤峰市", "通辽市", "鄂尔多斯市"};
        for (int i = 0; i < 60; i++) {
            String agency = cities[i % 3] + (i % 2 == 0 ? "教育局" : "公安局");
            int year = 2019 + i % 4;
            ndjson.append("{\"agency\": {\"name\": \"")
                    .append(agency)
                    .append("\"}, \"year\": ")
                    .append(year)
                    .append(", \"format\": \"")
                    .append(year < 2021 ? "2019" : "2021")
                    .append("\", \"figures\": {\"requests.new.total\": ")
                    .append(i)
                    .append(", \"outcome.granted.total\": ")
                    .append(i / 2)
                    .append(", \"outcome.total.total\": ")
                    .append(i)
                    .append("}}\n");
        }
        List<JsonNode> answer = bulk(ndjson.toString());
        assertThat(answer.get(answer.size() - 1).get("summary").get("stored").asInt())
                .isEqualTo(60);

        QuerySpec rollup = new QuerySpec(
                List.of("requests.new.total", "rate.grant"),
                List.of("city", "year"),
                new QueryFilters("150000", null, null, List.of(), null, null),
                List.of(),
                1000,
                0);
        QuerySpec raw = new QuerySpec(
                rollup.metrics(),
                rollup.groupBy(),
                new QueryFilters("150000", null, null, List.of("2019", "2021"), null, null),
                List.of(),
                1000,
                0);
        assertThat(engine.plan(rollup).fromRollup()).isTrue();
        assertThat(engine.plan(raw).fromRollup()).isFalse();
        assertThat(engine.run(rollup).rows())
                .isNotEmpty()
                .isEqualTo(engine.run(raw).rows());
    }
}
