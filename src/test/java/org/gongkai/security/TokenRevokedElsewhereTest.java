package org.gongkai.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A token revoked through another instance (here: by SQL on the shared table, which is all this instance sees of it)
 * stops working here within seconds, though this instance had it cached for ten.
 */
@QuarkusTest
@Tag("database")
class TokenRevokedElsewhereTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aTokenRevokedElsewhereIsDroppedFromTheCacheWellBeforeItsEntryExpires() throws Exception {
        JsonPath created = given().contentType(ContentType.JSON)
                .body("{\"name\": \"revoked elsewhere\", \"role\": \"supervisor\", \"regionCode\": \"220000\"}")
                .post("/api/tokens")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String token = created.getString("token");
        long id = Long.parseLong(created.getString("id"));
        assertThat(status(token)).as("the token works, and is now cached").isEqualTo(200);
        long cachedAt = System.nanoTime();

        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update api_token set revoked_at = now() where id = ?")) {
            s.setLong(1, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        int status = status(token);
        while (status == 200 && System.nanoTime() - cachedAt < 9_000_000_000L) {
            Thread.sleep(100);
            status = status(token);
        }
        double seconds = (System.nanoTime() - cachedAt) / 1e9;
        assertThat(status).isEqualTo(401);
        // the cached entry would have served for ten seconds; the revocation reached this instance within a poll
        assertThat(seconds).isLessThan(6.0);
    }

    private static int status(String token) {
        return given().header("Authorization", "Bearer " + token)
                .get("/api/metrics")
                .then()
                .extract()
                .statusCode();
    }
}
