package org.gongkai.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint family × role: allowed, 401 without a token, 403 outside the token's scope or role. The fixtures sit
 * in regions no other test uses (新疆 650000, 西藏 540000), plus the 平潭 corpus document (福建 350000), so that no
 * other test's counts move. Statuses are the table's, written by hand from the rules in ARCHITECTURE.md "Security".
 */
@QuarkusTest
@Tag("database")
class RoleEndpointTest {

    private static final String ADMIN = DefaultAdminToken.TOKEN;
    private static final String NONE = null;

    /** Tokens and records made once for the whole class (the database outlives test methods). */
    private static Fixtures f;

    private record Fixtures(
            String supXj,
            String supXz,
            String supFj,
            String subUrumqi,
            long subUrumqiId,
            String subAgency,
            String reportXj,
            String reportXz,
            String documentFj,
            String documentSha,
            long schedule,
            String run) {}

    private static final String XJ_AGENCY = "乌鲁木齐市审计局";

    private static String report(String agency, String region, int total) {
        return "{\"agency\": {\"name\": \"" + agency + "\", \"regionCode\": \"" + region + "\"}, \"year\": 2019,"
                + " \"format\": \"2019\", \"publishedOn\": \"2020-01-31\", \"figures\": {\"requests.new.total\": "
                + total + "}}";
    }

    private static String query(String region) {
        return "{\"metrics\": [\"requests.new.total\"], \"groupBy\": [\"year\"]"
                + (region == null ? "" : ", \"filters\": {\"regionCode\": \"" + region + "\"}") + "}";
    }

    static RequestSpecification as(String token) {
        RequestSpecification r = given();
        return token == null ? r : r.header("Authorization", "Bearer " + token);
    }

    static Response createToken(String body) {
        return as(ADMIN).contentType(ContentType.JSON).body(body).post("/api/tokens");
    }

    private static String token(String name, String role, String region, String agency) {
        return createToken("{\"name\": \"" + name + "\", \"role\": \"" + role + "\""
                        + (region == null ? "" : ", \"regionCode\": \"" + region + "\"")
                        + (agency == null ? "" : ", \"agency\": \"" + agency + "\"") + "}")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }

    @BeforeEach
    void fixtures() throws Exception {
        DefaultAdminToken.anonymous(); // every request below says which token it sends
        if (f != null) return;
        String subUrumqi = token("urumqi submitter", "submitter", "650100", null);
        long subUrumqiId = Long.parseLong(as(ADMIN)
                .get("/api/tokens")
                .then()
                .extract()
                .jsonPath()
                .getList("findAll { it.name == 'urumqi submitter' }.id", String.class)
                .get(0));
        String reportXj = as(subUrumqi)
                .contentType(ContentType.JSON)
                .body(report(XJ_AGENCY, "650100", 3))
                .post("/api/reports")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String reportXz = as(ADMIN)
                .contentType(ContentType.JSON)
                .body(report("拉萨市审计局", "540100", 5))
                .post("/api/reports")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        byte[] pingtan = corpus("07_pingtan-zone-2022.txt");
        String documentFj = as(ADMIN)
                .contentType("text/plain; charset=UTF-8")
                .body(pingtan)
                .post("/api/documents")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)))
                .extract()
                .path("documentId");
        long schedule = as(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"xinjiang yearly\", \"cron\": \"0 0 3 1 1 ?\", \"query\": " + query("650000")
                        + ", \"format\": \"csv\", \"targetFolder\": \"trust-test\", \"keep\": 2}")
                .post("/api/export-schedules")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        as(ADMIN).post("/api/export-schedules/" + schedule + "/run").then().statusCode(202);
        String run = awaitRun(schedule);
        f = new Fixtures(
                token("xinjiang supervisor", "supervisor", "650000", null),
                token("tibet supervisor", "supervisor", "540000", null),
                token("fujian supervisor", "supervisor", "350000", null),
                subUrumqi,
                subUrumqiId,
                token("audit bureau submitter", "submitter", "650100", XJ_AGENCY),
                reportXj,
                reportXz,
                documentFj,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pingtan)),
                schedule,
                run);
    }

    private static String awaitRun(long schedule) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> runs = as(ADMIN)
                    .get("/api/export-schedules/" + schedule + "/runs")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("");
            if (!runs.isEmpty() && "succeeded".equals(runs.get(0).get("status")))
                return String.valueOf(runs.get(0).get("id"));
            Thread.sleep(200);
        }
        throw new AssertionError("the schedule's run did not succeed within 30 s");
    }

    private static byte[] corpus(String name) throws IOException {
        try (InputStream in = RoleEndpointTest.class.getResourceAsStream("/corpus/" + name)) {
            return in.readAllBytes();
        }
    }

    /** One call: who, what, and the status the rules give. */
    private record Call(String what, String token, String method, String path, String body, int expected) {}

    @Test
    void everyRoleGetsWhatItsScopeAllowsOnEveryEndpointFamily() {
        String q = query("650000");
        String s = "/api/export-schedules/" + f.schedule();
        List<Call> calls = new ArrayList<>(List.of(
                // reports
                new Call(
                        "submitter posts for its region",
                        f.subUrumqi(),
                        "POST",
                        "/api/reports",
                        report(XJ_AGENCY, "650100", 4),
                        201),
                new Call(
                        "agency submitter posts for its agency",
                        f.subAgency(),
                        "POST",
                        "/api/reports",
                        report(XJ_AGENCY, "650100", 5), // other content: the same again would be unchanged (200)
                        201),
                new Call(
                        "agency submitter posts for another agency",
                        f.subAgency(),
                        "POST",
                        "/api/reports",
                        report("乌鲁木齐市财政局", "650100", 1),
                        403),
                new Call(
                        "submitter posts outside its region",
                        f.subUrumqi(),
                        "POST",
                        "/api/reports",
                        report("拉萨市审计局", "540100", 1),
                        403),
                new Call("supervisor posts", f.supXj(), "POST", "/api/reports", report(XJ_AGENCY, "650100", 1), 403),
                new Call("anonymous posts", NONE, "POST", "/api/reports", report(XJ_AGENCY, "650100", 1), 401),
                new Call(
                        "supervisor reads a report under it",
                        f.supXj(),
                        "GET",
                        "/api/reports/" + f.reportXj(),
                        null,
                        200),
                new Call(
                        "supervisor reads a report elsewhere",
                        f.supXz(),
                        "GET",
                        "/api/reports/" + f.reportXj(),
                        null,
                        403),
                new Call("submitter reads its own", f.subUrumqi(), "GET", "/api/reports/" + f.reportXj(), null, 200),
                new Call(
                        "submitter reads another region's",
                        f.subUrumqi(),
                        "GET",
                        "/api/reports/" + f.reportXz(),
                        null,
                        403),
                new Call("anonymous reads a report", NONE, "GET", "/api/reports/" + f.reportXj(), null, 401),
                new Call("supervisor lists under it", f.supXj(), "GET", "/api/reports?regionCode=650000", null, 200),
                new Call("supervisor lists elsewhere", f.supXz(), "GET", "/api/reports?regionCode=650000", null, 403),
                new Call("supervisor lists without a region", f.supXj(), "GET", "/api/reports", null, 403),
                new Call("admin lists without a region", ADMIN, "GET", "/api/reports?limit=1", null, 200),
                new Call("agency submitter lists", f.subAgency(), "GET", "/api/reports?regionCode=650100", null, 403),
                // bulk
                new Call("admin bulk", ADMIN, "POST", "/api/reports/bulk", report("拉萨市审计局", "540100", 5) + "\n", 200),
                new Call(
                        "submitter bulk",
                        f.subUrumqi(),
                        "POST",
                        "/api/reports/bulk",
                        report(XJ_AGENCY, "650100", 4) + "\n",
                        403),
                new Call(
                        "supervisor bulk",
                        f.supXj(),
                        "POST",
                        "/api/reports/bulk",
                        report(XJ_AGENCY, "650100", 4) + "\n",
                        403),
                new Call(
                        "anonymous bulk",
                        NONE,
                        "POST",
                        "/api/reports/bulk",
                        report(XJ_AGENCY, "650100", 4) + "\n",
                        401),
                // documents
                new Call(
                        "supervisor reads a document under it",
                        f.supFj(),
                        "GET",
                        "/api/documents/" + f.documentFj(),
                        null,
                        200),
                new Call(
                        "supervisor reads a document elsewhere",
                        f.supXj(),
                        "GET",
                        "/api/documents/" + f.documentFj(),
                        null,
                        403),
                new Call(
                        "supervisor looks a document up under it",
                        f.supFj(),
                        "GET",
                        "/api/documents?sha256=" + f.documentSha(),
                        null,
                        200),
                new Call(
                        "supervisor looks a document up elsewhere",
                        f.supXj(),
                        "GET",
                        "/api/documents?sha256=" + f.documentSha(),
                        null,
                        403),
                new Call(
                        "submitter reads another region's document",
                        f.subUrumqi(),
                        "GET",
                        "/api/documents/" + f.documentFj(),
                        null,
                        403),
                new Call("anonymous reads a document", NONE, "GET", "/api/documents/" + f.documentFj(), null, 401),
                new Call("supervisor posts a document", f.supFj(), "POST", "/api/documents", "x", 403),
                new Call("anonymous posts a document", NONE, "POST", "/api/documents", "x", 401),
                // queries
                new Call("supervisor queries under it", f.supXj(), "POST", "/api/query", q, 200),
                new Call("supervisor queries elsewhere", f.supXz(), "POST", "/api/query", q, 403),
                new Call("supervisor queries without a region", f.supXj(), "POST", "/api/query", query(null), 403),
                new Call("admin queries the nation", ADMIN, "POST", "/api/query", query(null), 200),
                new Call("submitter queries", f.subUrumqi(), "POST", "/api/query", q, 403),
                new Call("anonymous queries", NONE, "POST", "/api/query", q, 401),
                new Call(
                        "supervisor queries by GET under it",
                        f.supXj(),
                        "GET",
                        "/api/query?metrics=requests.new.total&groupBy=year&regionCode=650100",
                        null,
                        200),
                new Call(
                        "supervisor queries by GET elsewhere",
                        f.supXz(),
                        "GET",
                        "/api/query?metrics=requests.new.total&groupBy=year&regionCode=650100",
                        null,
                        403),
                new Call("supervisor explains under it", f.supXj(), "POST", "/api/query/explain", q, 200),
                new Call("supervisor explains elsewhere", f.supXz(), "POST", "/api/query/explain", q, 403),
                // views and drill-downs
                new Call(
                        "supervisor views under it",
                        f.supXj(),
                        "GET",
                        "/api/views/items-published?regionCode=650000",
                        null,
                        200),
                new Call(
                        "supervisor views elsewhere",
                        f.supXz(),
                        "GET",
                        "/api/views/items-published?regionCode=650000",
                        null,
                        403),
                new Call(
                        "supervisor views without a region",
                        f.supXj(),
                        "GET",
                        "/api/views/rankings?metric=requests.new.total&year=2019",
                        null,
                        403),
                new Call(
                        "submitter views",
                        f.subUrumqi(),
                        "GET",
                        "/api/views/items-published?regionCode=650100",
                        null,
                        403),
                new Call("anonymous views", NONE, "GET", "/api/views/items-published?regionCode=650000", null, 401),
                new Call(
                        "supervisor drills under it",
                        f.supXj(),
                        "GET",
                        "/api/views/drill-down?metric=requests.new.total&regionCode=650000&year=2019",
                        null,
                        200),
                new Call(
                        "supervisor drills elsewhere",
                        f.supXz(),
                        "GET",
                        "/api/views/drill-down?metric=requests.new.total&regionCode=650000&year=2019",
                        null,
                        403),
                new Call(
                        "anonymous drills",
                        NONE,
                        "GET",
                        "/api/views/drill-down?metric=requests.new.total&regionCode=650000&year=2019",
                        null,
                        401),
                new Call(
                        "supervisor checks coverage under it",
                        f.supXj(),
                        "GET",
                        "/api/views/coverage?regionCode=650000&year=2019",
                        null,
                        200),
                new Call(
                        "supervisor checks anomalies elsewhere",
                        f.supXz(),
                        "GET",
                        "/api/views/anomalies?regionCode=650000",
                        null,
                        403),
                // exports
                new Call("supervisor exports under it", f.supXj(), "POST", "/api/exports?format=csv", q, 200),
                new Call("supervisor exports elsewhere", f.supXz(), "POST", "/api/exports?format=csv", q, 403),
                new Call(
                        "supervisor exports without a region",
                        f.supXj(),
                        "POST",
                        "/api/exports?format=csv",
                        query(null),
                        403),
                new Call("anonymous exports", NONE, "POST", "/api/exports?format=csv", q, 401),
                new Call(
                        "supervisor compares under it",
                        f.supXj(),
                        "POST",
                        "/api/exports/comparison?format=csv",
                        comparison("650000"),
                        200),
                new Call(
                        "supervisor compares elsewhere",
                        f.supXz(),
                        "POST",
                        "/api/exports/comparison?format=csv",
                        comparison("650000"),
                        403),
                // schedules, runs and run files
                new Call("supervisor reads a schedule under it", f.supXj(), "GET", s, null, 200),
                new Call("supervisor reads a schedule elsewhere", f.supXz(), "GET", s, null, 403),
                new Call("supervisor reads runs under it", f.supXj(), "GET", s + "/runs", null, 200),
                new Call("supervisor reads runs elsewhere", f.supXz(), "GET", s + "/runs", null, 403),
                new Call(
                        "supervisor lists schedules under it",
                        f.supXj(),
                        "GET",
                        "/api/export-schedules?regionCode=650000",
                        null,
                        200),
                new Call(
                        "supervisor lists schedules without a region",
                        f.supXj(),
                        "GET",
                        "/api/export-schedules",
                        null,
                        403),
                new Call("supervisor creates a schedule", f.supXj(), "POST", "/api/export-schedules", "{}", 403),
                new Call("supervisor deletes a schedule", f.supXj(), "DELETE", s, null, 403),
                new Call("supervisor runs a schedule", f.supXj(), "POST", s + "/run", null, 403),
                new Call("anonymous reads a schedule", NONE, "GET", s, null, 401),
                new Call("supervisor reads a run under it", f.supXj(), "GET", "/api/export-runs/" + f.run(), null, 200),
                new Call(
                        "supervisor reads a run elsewhere", f.supXz(), "GET", "/api/export-runs/" + f.run(), null, 403),
                new Call(
                        "supervisor downloads a run file under it",
                        f.supXj(),
                        "GET",
                        "/api/export-runs/" + f.run() + "/file",
                        null,
                        200),
                new Call(
                        "supervisor downloads a run file elsewhere",
                        f.supXz(),
                        "GET",
                        "/api/export-runs/" + f.run() + "/file",
                        null,
                        403),
                new Call(
                        "anonymous downloads a run file",
                        NONE,
                        "GET",
                        "/api/export-runs/" + f.run() + "/file",
                        null,
                        401),
                // tokens and audit
                new Call("admin lists tokens", ADMIN, "GET", "/api/tokens", null, 200),
                new Call("supervisor lists tokens", f.supXj(), "GET", "/api/tokens", null, 403),
                new Call(
                        "submitter creates a token",
                        f.subUrumqi(),
                        "POST",
                        "/api/tokens",
                        "{\"name\": \"x\", \"role\": \"admin\"}",
                        403),
                new Call("anonymous lists tokens", NONE, "GET", "/api/tokens", null, 401),
                new Call("admin reads the audit", ADMIN, "GET", "/api/audit", null, 200),
                new Call("supervisor reads the audit", f.supXj(), "GET", "/api/audit", null, 403),
                new Call("anonymous reads the audit", NONE, "GET", "/api/audit", null, 401),
                // the catalogue and management endpoints
                new Call("submitter reads the catalogue", f.subUrumqi(), "GET", "/api/metrics", null, 200),
                new Call("anonymous reads the catalogue", NONE, "GET", "/api/metrics", null, 401),
                new Call("anonymous health", NONE, "GET", "/q/health", null, 200),
                new Call("anonymous metrics", NONE, "GET", "/q/metrics", null, 401),
                new Call("supervisor metrics", f.supXj(), "GET", "/q/metrics", null, 403),
                new Call("admin metrics", ADMIN, "GET", "/q/metrics", null, 200),
                new Call("anonymous OpenAPI", NONE, "GET", "/q/openapi", null, 401),
                new Call("admin OpenAPI", ADMIN, "GET", "/q/openapi", null, 200),
                new Call("a token that does not exist", "gk_nobody", "GET", "/api/metrics", null, 401)));

        SoftAssertions soft = new SoftAssertions();
        for (Call c : calls) {
            RequestSpecification r = as(c.token());
            if (c.body() != null)
                r = r.contentType(c.path().endsWith("/bulk") ? "application/x-ndjson" : "application/json")
                        .body(c.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Response answer = r.request(c.method(), c.path());
            soft.assertThat(answer.statusCode())
                    .as(c.what() + ": " + c.method() + " " + c.path() + " → " + answer.asString())
                    .isEqualTo(c.expected());
            if (c.expected() >= 400 && c.path().startsWith("/api/")) {
                soft.assertThat(answer.contentType())
                        .as(c.what() + ": problem+json")
                        .startsWith("application/problem+json");
            }
            if (c.expected() == 401) {
                soft.assertThat(answer.header("WWW-Authenticate"))
                        .as(c.what() + ": challenge")
                        .startsWith("Bearer");
            }
        }
        soft.assertAll();
    }

    private static String comparison(String region) {
        return "{\"rows\": \"agency\", \"metrics\": [\"requests.new.total\"], \"years\": [2019, 2019],"
                + " \"filters\": {\"regionCode\": \"" + region + "\"}}";
    }

    @Test
    void aHeaderThatIsNotABearerTokenIs401() {
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=")
                .get("/api/metrics")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aRevokedTokenStopsWorkingWithTheNextRequest() {
        Response created =
                createToken("{\"name\": \"short-lived\", \"role\": \"supervisor\", \"regionCode\": \"650000\"}");
        String secret = created.path("token");
        String id = created.path("id");
        as(secret)
                .contentType(ContentType.JSON)
                .body(query("650000"))
                .post("/api/query")
                .then()
                .statusCode(200);
        as(ADMIN).delete("/api/tokens/" + id).then().statusCode(204);
        as(secret)
                .contentType(ContentType.JSON)
                .body(query("650000"))
                .post("/api/query")
                .then()
                .statusCode(401);
        assertThat(as(ADMIN)
                        .get("/api/tokens")
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("find { it.id == '" + id + "' }.revokedAt"))
                .isNotNull();
    }

    @Test
    void aSubmittersDocumentOutsideItsRegionIsRefusedAndNotStored() throws Exception {
        byte[] doc = corpus("08_pingtan-zone-2023.txt");
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(doc));
        boolean storedBefore = as(ADMIN).get("/api/documents?sha256=" + sha).statusCode() == 200;
        as(f.subUrumqi())
                .contentType("text/plain; charset=UTF-8")
                .body(doc)
                .post("/api/documents")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        if (!storedBefore) as(ADMIN).get("/api/documents?sha256=" + sha).then().statusCode(404);
    }
}
