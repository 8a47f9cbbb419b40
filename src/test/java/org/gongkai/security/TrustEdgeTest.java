package org.gongkai.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The rest of the trust edge: audit, the rate of expensive calls, Location from configuration, CORS, token checks. */
@QuarkusTest
@Tag("database")
class TrustEdgeTest {

    private static final String QUERY =
            "{\"metrics\": [\"requests.new.total\"], \"groupBy\": [\"year\"], \"filters\": {\"regionCode\": \"650000\"}}";

    @BeforeEach
    void noDefaultToken() {
        DefaultAdminToken.anonymous();
    }

    private static Response create(String body) {
        return RoleEndpointTest.createToken(body);
    }

    @Test
    void writesAndExportsAreAuditedWithTheirTokenAndEntity() throws InterruptedException {
        Response created =
                create("{\"name\": \"audited submitter\", \"role\": \"submitter\", \"regionCode\": \"650100\"}");
        String secret = created.path("token");
        String tokenId = created.path("id");
        String reportId = RoleEndpointTest.as(secret)
                .contentType(ContentType.JSON)
                .body(
                        "{\"agency\": {\"name\": \"乌鲁木齐市统计局\", \"regionCode\": \"650100\"}, \"year\": 2019,"
                                + " \"format\": \"2019\", \"publishedOn\": \"2020-01-31\", \"figures\": {\"requests.new.total\": 2}}")
                .post("/api/reports")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        RoleEndpointTest.as(secret)
                .contentType(ContentType.JSON)
                .body(
                        "{\"agency\": {\"name\": \"拉萨市统计局\", \"regionCode\": \"540100\"}, \"year\": 2019,"
                                + " \"format\": \"2019\", \"publishedOn\": \"2020-01-31\", \"figures\": {\"requests.new.total\": 2}}")
                .post("/api/reports")
                .then()
                .statusCode(403);
        List<Map<String, Object>> entries = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (entries.size() < 2 && System.nanoTime() < deadline) {
            entries = RoleEndpointTest.as(DefaultAdminToken.TOKEN)
                    .get("/api/audit?tokenId=" + tokenId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("entries");
            Thread.sleep(100);
        }
        assertThat(entries).hasSize(2);
        // newest first: the refusal, then the stored report with its id
        assertThat(entries.get(0)).containsEntry("status", 403).containsEntry("method", "POST");
        assertThat(entries.get(1))
                .containsEntry("status", 201)
                .containsEntry("path", "/api/reports")
                .containsEntry("entityId", reportId)
                .containsEntry("tokenName", "audited submitter")
                .containsEntry("role", "submitter")
                .containsEntry("tokenId", tokenId);

        String exported = RoleEndpointTest.as(DefaultAdminToken.TOKEN)
                .contentType(ContentType.JSON)
                .body(QUERY)
                .post("/api/exports?format=csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(exported).isNotEmpty();
        JsonPath admin = RoleEndpointTest.as(DefaultAdminToken.TOKEN)
                .get("/api/audit?limit=5")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(admin.getList("entries.path", String.class)).contains("/api/exports");
    }

    @Test
    void theAuditRefusesABadTimeWithA400() {
        RoleEndpointTest.as(DefaultAdminToken.TOKEN)
                .get("/api/audit?from=yesterday")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenOverItsRateIsAnswered429WithRetryAfter() {
        String secret = create("{\"name\": \"slow dashboard\", \"role\": \"supervisor\", \"regionCode\": \"650000\","
                        + " \"ratePerMinute\": 2}")
                .path("token");
        for (int i = 0; i < 2; i++) {
            RoleEndpointTest.as(secret)
                    .contentType(ContentType.JSON)
                    .body(QUERY)
                    .post("/api/query")
                    .then()
                    .statusCode(200);
        }
        Response refused = RoleEndpointTest.as(secret)
                .contentType(ContentType.JSON)
                .body(QUERY)
                .post("/api/query");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        // 2 a minute: one call comes back after 30 s
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 30);
        // cheap reads are not counted
        RoleEndpointTest.as(secret).get("/api/metrics").then().statusCode(200);
    }

    @Test
    void locationComesFromThePublicUrlNotFromTheHostHeader() {
        String publicUrl = "https://gongkai.test"; // %test.gongkai.public-url
        String location = RoleEndpointTest.as(DefaultAdminToken.TOKEN)
                .header("Host", "evil.example")
                .contentType(ContentType.JSON)
                .body(
                        "{\"agency\": {\"name\": \"乌鲁木齐市民政局\", \"regionCode\": \"650100\"}, \"year\": 2019,"
                                + " \"format\": \"2019\", \"publishedOn\": \"2020-01-31\", \"figures\": {\"requests.new.total\": 1}}")
                .post("/api/reports")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        assertThat(location).startsWith(publicUrl + "/api/reports/").doesNotContain("evil");
    }

    @Test
    void corsAnswersOnlyListedOriginsAndNeverWithCredentials() {
        Response listed = given().header("Origin", "https://dashboard.example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/query");
        assertThat(listed.header("Access-Control-Allow-Origin")).isEqualTo("https://dashboard.example.org");
        assertThat(listed.header("Access-Control-Allow-Credentials")).isNotEqualTo("true");

        Response other = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/query");
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void tokensAreCheckedWhenCreated() {
        create("{\"name\": \"x\", \"role\": \"supervisor\"}")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        create("{\"name\": \"x\", \"role\": \"root\"}").then().statusCode(422);
        create("{\"name\": \"x\", \"role\": \"supervisor\", \"regionCode\": \"999999\"}")
                .then()
                .statusCode(422);
        create("{\"name\": \"x\", \"role\": \"supervisor\", \"regionCode\": \"650000\", \"agency\": \"a\"}")
                .then()
                .statusCode(422);
        // the secret is shown once, then only its metadata
        Response ok = create("{\"name\": \"listed\", \"role\": \"supervisor\", \"regionCode\": \"650000\"}");
        assertThat(ok.<String>path("token")).startsWith("gk_").hasSizeGreaterThan(40);
        List<Map<String, Object>> all = RoleEndpointTest.as(DefaultAdminToken.TOKEN)
                .get("/api/tokens")
                .then()
                .extract()
                .jsonPath()
                .getList("");
        assertThat(all).allSatisfy(t -> assertThat(t).doesNotContainKey("token"));
        RoleEndpointTest.as(DefaultAdminToken.TOKEN)
                .delete("/api/tokens/999999999")
                .then()
                .statusCode(404);
    }

    @Test
    void theServiceListensOnLoopbackByDefault() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.http.host", String.class))
                .isEqualTo("127.0.0.1");
    }
}
