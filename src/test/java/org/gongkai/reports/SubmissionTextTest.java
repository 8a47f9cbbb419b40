package org.gongkai.reports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Posted text is stored as sent or refused with where it broke: never U+FFFD, "?", or a 500 from PostgreSQL. */
@QuarkusTest
@Tag("database")
class SubmissionTextTest {

    private static final String PREFIX = "{\"agency\": {\"name\": \"牡丹江市";

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static final String REST =
            "育局\", \"regionCode\": \"231000\"}, \"year\": 2019, \"format\": \"2019\", \"figures\": {}}";

    @Test
    void invalidUtf8IsRefusedWithItsByteOffset() {
        // 教 is E6 95 99; a lone continuation byte stands where it should be
        byte[] body = bytes(PREFIX, new byte[] {(byte) 0x95}, REST);
        int offset = PREFIX.getBytes(StandardCharsets.UTF_8).length;
        given().contentType("application/json")
                .body(body)
                .post("/api/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("offset", equalTo(offset))
                .body("detail", containsString("byte offset " + offset));
    }

    @Test
    void aReplacementCharacterSentAsValidUtf8IsStoredAsSent() {
        // EF BF BD is U+FFFD itself, valid UTF-8: what a lossy decoding would produce, here sent on purpose
        byte[] body = bytes(PREFIX, new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD}, REST);
        given().contentType("application/json")
                .body(body)
                .post("/api/reports")
                .then()
                .statusCode(201)
                .body("agency.name", equalTo("牡丹江市\uFFFD育局"));
        // and a malformed byte after one still names its own offset, not the U+FFFD's
        byte[] both = bytes(
                PREFIX, new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD, (byte) 0x95}, REST.replace("2019", "2020"));
        given().contentType("application/json")
                .body(both)
                .post("/api/reports")
                .then()
                .statusCode(400)
                .body("offset", equalTo(PREFIX.getBytes(StandardCharsets.UTF_8).length + 3));
    }

    @Test
    void aSurrogateEncodedInUtf8IsRefused() {
        byte[] body = bytes(PREFIX, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, REST);
        given().contentType("application/json")
                .body(body)
                .post("/api/reports")
                .then()
                .statusCode(400);
    }

    @Test
    void aLoneSurrogateEscapeIsRefusedNamingItsPointer() {
        String body = PREFIX + "\\ud800" + REST;
        given().contentType("application/json")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItem("/agency/name"));
    }

    @Test
    void aNulInAnyStringIsRefusedNamingItsPointer() {
        String body = "{\"agency\": {\"name\": \"牡丹江市教育局\", \"regionCode\": \"231000\"}, \"year\": 2019,"
                + " \"format\": \"2019\", \"sourceUrl\": \"https://x.gov.cn/a\\u0000b\", \"figures\": {}}";
        given().contentType("application/json")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItem("/sourceUrl"));
        given().contentType("application/json")
                .body(body.replace("https://x.gov.cn/a\\u0000b", "https://x.gov.cn/")
                        .replace("教育局", "教\\u0000育局")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/reports")
                .then()
                .statusCode(400)
                .body("errors.pointer", hasItem("/agency/name"));
    }

    @Test
    void theDeclaredCharsetIsHonoured() {
        String body = "{\"agency\": {\"name\": \"绥芬河市教育局\", \"regionCode\": \"231081\"}, \"year\": 2019,"
                + " \"format\": \"2019\", \"figures\": {\"requests.new.total\": 41}}";
        byte[] gb = body.getBytes(Charset.forName("GB18030"));
        assertThat(gb).isNotEqualTo(body.getBytes(StandardCharsets.UTF_8));
        given().contentType("application/json; charset=gb18030")
                .body(gb)
                .post("/api/reports")
                .then()
                .statusCode(201)
                .body("agency.name", equalTo("绥芬河市教育局"));
        given().contentType("application/json; charset=x-no-such-charset")
                .body(gb)
                .post("/api/reports")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void aBulkLineOfBadTextIsRejectedAloneWithItsOffset() throws Exception {
        String good = "{\"agency\": {\"name\": \"穆棱市教育局\", \"regionCode\": \"231085\"}, \"year\": 2019,"
                + " \"format\": \"2019\", \"figures\": {}}\n";
        String nul = good.replace("穆棱市教育局", "穆棱市\\u0000教育局");
        byte[] body = bytes(good + PREFIX, new byte[] {(byte) 0xFF}, REST + "\n" + nul);
        String answer = given().contentType("application/x-ndjson; charset=UTF-8")
                .body(body)
                .post("/api/reports/bulk")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String[] lines = answer.split("\n");
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines[0]);
        JsonNode second = json.readTree(lines[1]);
        JsonNode third = json.readTree(lines[2]);
        assertThat(first.get("status").asText()).isIn("stored", "unchanged");
        assertThat(second.get("status").asText()).isEqualTo("rejected");
        assertThat(second.get("errors").get(0).get("message").asText())
                .contains("byte offset " + PREFIX.getBytes(StandardCharsets.UTF_8).length);
        assertThat(third.get("status").asText()).isEqualTo("rejected");
        assertThat(third.get("errors").get(0).get("pointer").asText()).isEqualTo("/agency/name");
    }

    @Test
    void aBulkStreamInACharsetWhoseNewlineIsNotOneByteIsRefused() {
        given().contentType("application/x-ndjson; charset=UTF-16")
                .body("{}\n".getBytes(StandardCharsets.UTF_16))
                .post("/api/reports/bulk")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }
}
