package org.gongkai.documents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Document posts: an Idempotency-Key answers its first answer again, and a NUL never reaches PostgreSQL. */
@QuarkusTest
@Tag("database")
class DocumentIdempotenceTest {

    private static byte[] uniqueDocument(String nonce) throws Exception {
        String text = Files.readString(Path.of("src/test/resources/corpus/07_pingtan-zone-2022.txt"));
        return (text + "\n（" + nonce + "）\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSameKeyAnswersTheFirstAnswerAndAnotherBodyIsRefused() throws Exception {
        String key = "doc-" + System.nanoTime();
        byte[] body = uniqueDocument(key);
        Response first = given().contentType("text/plain; charset=UTF-8")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/documents");
        assertThat(first.statusCode()).isIn(201, 202);
        String documentId = first.jsonPath().getString("documentId");

        Response again = given().contentType("text/plain; charset=UTF-8")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/documents");
        again.then().statusCode(first.statusCode()).header("Idempotent-Replayed", "true");
        assertThat(again.jsonPath().getString("documentId")).isEqualTo(documentId);
        assertThat(again.jsonPath().getString("report.id"))
                .isEqualTo(first.jsonPath().getString("report.id"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));

        given().contentType("text/plain; charset=UTF-8")
                .header("Idempotency-Key", key)
                .body(uniqueDocument(key + "-other"))
                .post("/api/documents")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("documentId", equalTo(documentId));
    }

    @Test
    void nulCharactersInADocumentOrItsHintsNeverReachTheDatabase() throws Exception {
        byte[] body = uniqueDocument("nul\u0000" + System.nanoTime() + "\u0000");
        Response r = given().contentType("text/plain; charset=UTF-8").body(body).post("/api/documents");
        assertThat(r.statusCode()).isLessThan(500);
        if (r.statusCode() < 300) {
            String text = given().get("/api/documents/" + r.jsonPath().getString("documentId"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getString("text");
            assertThat(text).doesNotContain("\u0000");
        }
        given().contentType("text/plain; charset=UTF-8")
                .queryParam("sourceUrl", "https://x.gov.cn/\u0000")
                .body(uniqueDocument("hint" + System.nanoTime()))
                .post("/api/documents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
