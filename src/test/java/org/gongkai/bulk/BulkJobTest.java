package org.gongkai.bulk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Bulk jobs: a line the database refuses costs only itself, and a job's answer can be read again after the fact. */
@QuarkusTest
@Tag("database")
class BulkJobTest {

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    static Response post(String ndjson, String idempotencyKey) {
        var request = BulkPost.ndjson(ndjson);
        if (idempotencyKey != null) request = request.header("Idempotency-Key", idempotencyKey);
        return request.post("/api/reports/bulk");
    }

    List<JsonNode> lines(String body) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : body.split("\n")) if (!line.isBlank()) out.add(json.readTree(line));
        return out;
    }

    static String report(String agency, int year, long total, String sourceUrl) {
        return "{\"agency\": {\"name\": \"" + agency + "\"}, \"year\": " + year + ", \"format\": \"2021\","
                + (sourceUrl == null ? "" : " \"sourceUrl\": \"" + sourceUrl + "\",")
                + " \"figures\": {\"requests.new.total\": " + total + "}}";
    }

    @Test
    void aLineTheDatabaseRefusesIsRejectedAloneAndItsBatchIsStored() throws Exception {
        // a constraint no validation knows of stands in for any refusal by the database (state 23514)
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("alter table report add constraint bulk_job_test_refuses"
                    + " check (source_url is distinct from 'https://refused.example/') not valid");
        }
        try {
            StringBuilder ndjson = new StringBuilder();
            for (int i = 1; i <= 40; i++) {
                String url = i == 17 ? "https://refused.example/" : null;
                ndjson.append(report("海拉尔区民政局", 2008 + i % 12, 1000 + i, url)).append('\n');
            }
            Response r = post(ndjson.toString(), null);
            r.then().statusCode(200);
            List<JsonNode> answer = lines(r.asString());
            assertThat(answer).hasSize(41);
            for (int i = 0; i < 40; i++) {
                JsonNode line = answer.get(i);
                assertThat(line.get("line").asInt()).isEqualTo(i + 1);
                assertThat(line.get("status").asText()).isEqualTo(i == 16 ? "rejected" : "stored");
            }
            String reason = answer.get(16).get("errors").get(0).get("message").asText();
            assertThat(reason)
                    .contains("could not be stored")
                    .doesNotContain("ERROR", "SQL", "Exception", "constraint \"");
            assertThat(answer.get(40).get("summary").get("stored").asInt()).isEqualTo(39);
            assertThat(answer.get(40).get("summary").get("rejected").asInt()).isEqualTo(1);
        } finally {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("alter table report drop constraint bulk_job_test_refuses");
            }
        }
    }

    @Test
    void aJobsAnswerIsReadAgainByItsIdWithLocation() throws Exception {
        String ndjson = report("满洲里市民政局", 2020, 7, null) + "\n" + "{\"not\": \"a report\"}\n"
                + report("满洲里市公安局", 2020, 8, null) + "\n";
        Response r = post(ndjson, null);
        r.then().statusCode(200);
        List<JsonNode> first = lines(r.asString());
        JsonNode summary = first.get(first.size() - 1).get("summary");
        String jobId = summary.get("jobId").asText();
        assertThat(summary.get("status").asText()).isEqualTo("finished");
        assertThat(r.header("Location")).endsWith("/api/reports/bulk/" + jobId);

        Response again = given().get("/api/reports/bulk/" + jobId);
        again.then().statusCode(200).contentType("application/x-ndjson");
        List<JsonNode> later = lines(again.asString());
        assertThat(later).hasSize(4);
        for (int i = 0; i < 3; i++) {
            assertThat(later.get(i).get("line")).isEqualTo(first.get(i).get("line"));
            assertThat(later.get(i).get("status")).isEqualTo(first.get(i).get("status"));
            assertThat(later.get(i).get("id")).isEqualTo(first.get(i).get("id"));
        }
        assertThat(later.get(1).get("errors").get(0).get("pointer").asText()).isNotNull();
        JsonNode laterSummary = later.get(3).get("summary");
        assertThat(laterSummary.get("stored").asInt()).isEqualTo(2);
        assertThat(laterSummary.get("rejected").asInt()).isEqualTo(1);
        assertThat(laterSummary.get("lines").asInt()).isEqualTo(3);

        given().get("/api/reports/bulk/99999999").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/reports/bulk/abc").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aLineOverTheLineLimitIsRejectedAloneWithoutBeingHeld() throws Exception {
        String huge = report("扎兰屯市民政局", 2020, 1, "https://example.gov.cn/" + "a".repeat(1_100_000));
        Response r = post(huge + "\n" + report("扎兰屯市公安局", 2020, 2, null) + "\n", null);
        r.then().statusCode(200);
        List<JsonNode> answer = lines(r.asString());
        assertThat(answer.get(0).get("status").asText()).isEqualTo("rejected");
        assertThat(answer.get(0).get("errors").get(0).get("message").asText()).contains("longer than 1048576 bytes");
        assertThat(answer.get(1).get("status").asText()).isEqualTo("stored");
    }
}
