package org.gongkai.reports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The same content sent again creates nothing; an Idempotency-Key answers its first answer again. */
@QuarkusTest
@Tag("database")
class IdempotenceTest {

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    private long revisionsOf(String agency) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from report r join agency a on a.id = r.agency_id where a.name = ?")) {
            s.setString(1, agency);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Response bulk(String ndjson, String key) {
        var request = given().config(io.restassured.RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .encodeContentTypeAs("application/x-ndjson", ContentType.TEXT)))
                .contentType("application/x-ndjson; charset=UTF-8")
                .body(ndjson);
        if (key != null) request = request.header("Idempotency-Key", key);
        return request.post("/api/reports/bulk");
    }

    private List<JsonNode> lines(String body) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : body.split("\n")) if (!line.isBlank()) out.add(json.readTree(line));
        return out;
    }

    @Test
    void theSameReportPostedAgainIsAnsweredWithTheExistingRevision() throws Exception {
        String report = "{\"agency\": {\"name\": \"鸡西市审计局\"}, \"year\": 2022, \"format\": \"2021\","
                + " \"figures\": {\"requests.new.total\": 12, \"proactive.normative_docs.issued\": 3}}";
        // the same content in another key order and with 12.0 for 12
        String reordered = "{\"year\": 2022, \"figures\": {\"proactive.normative_docs.issued\": 3,"
                + " \"requests.new.total\": 12.0}, \"format\": \"2021\", \"agency\": {\"name\": \"鸡西市审计局\"}}";
        String id = given().contentType("application/json")
                .body(report)
                .post("/api/reports")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        given().contentType("application/json")
                .body(report)
                .post("/api/reports")
                .then()
                .statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(id))
                .body("revision", org.hamcrest.Matchers.equalTo(1));
        given().contentType("application/json")
                .body(reordered)
                .post("/api/reports")
                .then()
                .statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(id));
        assertThat(revisionsOf("鸡西市审计局")).isEqualTo(1);
        // other content is a new revision, and the first content again after it is one more
        given().contentType("application/json")
                .body(report.replace("12,", "13,"))
                .post("/api/reports")
                .then()
                .statusCode(201)
                .body("revision", org.hamcrest.Matchers.equalTo(2));
        given().contentType("application/json")
                .body(report)
                .post("/api/reports")
                .then()
                .statusCode(201)
                .body("revision", org.hamcrest.Matchers.equalTo(3));
        assertThat(revisionsOf("鸡西市审计局")).isEqualTo(3);
    }

    @Test
    void theSameBulkFileSentTwiceDoublesNothing() throws Exception {
        String ndjson = "{\"agency\": {\"name\": \"鹤岗市审计局\"}, \"year\": 2021, \"format\": \"2021\","
                + " \"figures\": {\"requests.new.total\": 4}}\n"
                + "{\"agency\": {\"name\": \"鹤岗市统计局\"}, \"year\": 2021, \"format\": \"2021\","
                + " \"figures\": {\"requests.new.total\": 5}}\n";
        List<JsonNode> first =
                lines(bulk(ndjson, null).then().statusCode(200).extract().asString());
        List<JsonNode> second =
                lines(bulk(ndjson, null).then().statusCode(200).extract().asString());
        assertThat(first.get(0).get("status").asText()).isEqualTo("stored");
        assertThat(second.get(0).get("status").asText()).isEqualTo("unchanged");
        assertThat(second.get(0).get("id")).isEqualTo(first.get(0).get("id"));
        assertThat(second.get(1).get("id")).isEqualTo(first.get(1).get("id"));
        assertThat(second.get(2).get("summary").get("unchanged").asInt()).isEqualTo(2);
        assertThat(revisionsOf("鹤岗市审计局")).isEqualTo(1);
        assertThat(revisionsOf("鹤岗市统计局")).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyAnswersTheFirstAnswerAndRefusesAnotherBody() throws Exception {
        String key = "idem-" + System.nanoTime();
        String ndjson = "{\"agency\": {\"name\": \"双鸭山市审计局\"}, \"year\": 2021, \"format\": \"2021\","
                + " \"figures\": {\"requests.new.total\": 6}}\n";
        Response first = bulk(ndjson, key);
        first.then().statusCode(200);
        // content changed meanwhile by another client: the replay still answers what the key's request did
        given().contentType("application/json")
                .body(ndjson.strip().replace("6}", "60}"))
                .post("/api/reports")
                .then()
                .statusCode(201);
        Response again = bulk(ndjson, key);
        again.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        List<JsonNode> a = lines(first.asString());
        List<JsonNode> b = lines(again.asString());
        assertThat(b.get(0)).isEqualTo(a.get(0));
        assertThat(b.get(1).get("summary").get("jobId"))
                .isEqualTo(a.get(1).get("summary").get("jobId"));
        assertThat(revisionsOf("双鸭山市审计局")).isEqualTo(2); // the first line's and the single post's: no third
        bulk(ndjson.replace("6}", "7}"), key)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("jobId", org.hamcrest.Matchers.notNullValue());
        assertThat(revisionsOf("双鸭山市审计局")).isEqualTo(2);
    }
}
