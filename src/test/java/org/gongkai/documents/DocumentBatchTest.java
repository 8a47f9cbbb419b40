package org.gongkai.documents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.storage.AdvisoryLocks;
import org.gongkai.tools.rendering.Layout;
import org.gongkai.tools.rendering.RandomReports;
import org.gongkai.tools.rendering.ReportRenderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Many documents in one request ({@code POST /api/documents/batch}) and through {@code gongkai ingest}: each document
 * answered with the status a single post would have had, the reports stored with the figures the documents were
 * rendered from (the truth is the random report each was rendered from, not the parser), and a second run resumes:
 * nothing stored twice.
 */
@QuarkusTest
@Tag("database")
class DocumentBatchTest {

    // not the common pool: on two cores it runs one task at a time, and nothing would be concurrent
    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(4);

    private static final MetricCatalogue CATALOGUE = MetricCatalogue.standard();
    private static final ReportRenderer RENDERER = new ReportRenderer(CATALOGUE);
    private static final String METRIC = "requests.new.total";

    /** A random table report of this test's own agency and year, so that no other test's sums see it. */
    private static CanonicalReport report(String agency, int year, long seed) {
        CanonicalReport r = new RandomReports(CATALOGUE, seed).tableReport(ReportFormat.F2021);
        return new CanonicalReport(
                agency, null, year, r.format(), r.publishedOn(), r.sourceUrl(), r.figures(), r.findings());
    }

    private static String html(CanonicalReport r) {
        return RENDERER.render(r, Layout.HTML_TABLE);
    }

    private static String line(String name, byte[] bytes) {
        return "{\"name\": \"" + name + "\", \"sourceUrl\": \"file:" + name + "\", \"content\": \""
                + Base64.getEncoder().encodeToString(bytes) + "\"}\n";
    }

    private static JsonPath batch(String body) {
        return given().contentType("application/x-ndjson")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/documents/batch")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static BigDecimal value(CanonicalReport r, String key) {
        Figure f = r.figures().get(key);
        assertThat(f).as("the random report gives " + key).isNotNull();
        return f.value();
    }

    /** requests.new.total summed over the region's latest reports of the year, as the engine answers it. */
    private static BigDecimal sum(String region, int year) {
        List<List<Object>> rows = given().contentType(ContentType.JSON)
                .body("{\"metrics\": [\"" + METRIC + "\"], \"groupBy\": [\"year\"], \"filters\": {\"regionCode\": \""
                        + region + "\", \"years\": [" + year + ", " + year + "]}}")
                .post("/api/query")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("rows");
        return rows.isEmpty()
                ? BigDecimal.ZERO
                : new BigDecimal(rows.get(0).get(1).toString());
    }

    @Test
    void storesABatchAndAnswersEachDocumentAsASinglePostWould() {
        CanonicalReport a = report("呼和浩特市统计局", 2023, 11);
        CanonicalReport b = report("包头市统计局", 2023, 12);
        CanonicalReport c = report("乌海市统计局", 2023, 13);
        BigDecimal before = sum("150000", 2023);
        byte[] aBytes = html(a).getBytes(StandardCharsets.UTF_8);
        String body = line("a.html", aBytes)
                + line("b.html", html(b).getBytes(StandardCharsets.UTF_8))
                + line("c.html", html(c).getBytes(StandardCharsets.UTF_8))
                + line("a-again.html", aBytes)
                + line("note.txt", "今天天气很好，食堂的菜单换了。".getBytes(StandardCharsets.UTF_8))
                + "{\"name\": \"broken\", \"content\": \"***\"}\n";
        JsonPath answer = batch(body);
        assertThat(answer.getList("documents.status", Integer.class)).containsExactly(201, 201, 201, 200, 422, 400);
        assertThat(answer.getList("documents.name", String.class))
                .containsExactly("a.html", "b.html", "c.html", "a-again.html", "note.txt", "broken");
        // the same bytes twice in one batch are one document
        assertThat(answer.getString("documents[3].documentId")).isEqualTo(answer.getString("documents[0].documentId"));
        assertThat(answer.getString("documents[4].problem.type")).isEqualTo("/problems/not-a-report");

        // stored with the figures they were rendered from, and counted (the answer cache saw the write)
        String reportId = answer.getString("documents[0].reportId");
        JsonPath stored = given().get("/api/reports/" + reportId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(new BigDecimal(stored.getString("figures.'" + METRIC + "'.value")))
                .isEqualByComparingTo(value(a, METRIC));
        assertThat(stored.getString("sourceUrl")).isEqualTo("file:a.html");
        BigDecimal expected = before.add(value(a, METRIC)).add(value(b, METRIC)).add(value(c, METRIC));
        assertThat(sum("150000", 2023)).isEqualByComparingTo(expected);

        // the same batch again stores nothing: each document is one received before
        JsonPath again = batch(body);
        assertThat(again.getList("documents.status", Integer.class)).containsExactly(200, 200, 200, 200, 422, 400);
        assertThat(sum("150000", 2023)).isEqualByComparingTo(expected);
    }

    @Test
    void aSubmittersBatchStoresOnlyItsOwnRegionsDocuments() {
        String submitter = given().contentType(ContentType.JSON)
                .body("{\"name\": \"内蒙古 batch submitter\", \"role\": \"submitter\", \"regionCode\": \"150000\"}")
                .post("/api/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        String body = line("own.html", html(report("赤峰市统计局", 2023, 21)).getBytes(StandardCharsets.UTF_8))
                + line("elsewhere.html", html(report("拉萨市统计局", 2023, 22)).getBytes(StandardCharsets.UTF_8));
        JsonPath answer = given().header("Authorization", "Bearer " + submitter)
                .contentType("application/x-ndjson")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/documents/batch")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(answer.getList("documents.status", Integer.class)).containsExactly(201, 403);
        assertThat(answer.getString("documents[1].problem.type")).isEqualTo("/problems/outside-scope");
    }

    @Test
    void refusesMoreDocumentsThanABatchHolds() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i <= 500; i++) body.append(line("n" + i + ".txt", new byte[] {'x'}));
        given().contentType("application/x-ndjson")
                .body(body.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/documents/batch")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void ingestSendsAFolderConcurrentlyAndResumes(@TempDir Path dir) throws Exception {
        List<CanonicalReport> reports = new ArrayList<>();
        String[] agencies = {"通辽市统计局", "呼伦贝尔市统计局", "巴彦淖尔市统计局", "乌兰察布市统计局", "鄂尔多斯市统计局"};
        for (int i = 0; i < agencies.length; i++) {
            CanonicalReport r = report(agencies[i], 2024, 100 + i);
            reports.add(r);
            Files.writeString(dir.resolve("r" + i + ".html"), html(r));
        }
        Files.writeString(dir.resolve("minutes.txt"), "会议纪要：今天讨论了食堂的菜单和停车位。");
        BigDecimal before = sum("150000", 2024);

        String first = ingest(dir, "--batch", "2", "--concurrency", "2");
        assertThat(first).contains("6 documents").doesNotContain("skipped").doesNotContain("transport error");
        BigDecimal expected = before;
        for (CanonicalReport r : reports) expected = expected.add(value(r, METRIC));
        assertThat(sum("150000", 2024)).isEqualByComparingTo(expected);

        // resumed: nothing is stored again, and each document is counted as skipped
        String second = ingest(dir, "--batch", "2", "--concurrency", "2");
        assertThat(second).containsPattern("skipped \\(already in\\)\\s+5").containsPattern("not-a-report\\s+1");
        assertThat(sum("150000", 2024)).isEqualByComparingTo(expected);
    }

    @Inject
    AgroalDataSource dataSource;

    /** The first random report from {@code seed} on that prints the summed metric (some leave it out). */
    private static CanonicalReport withMetric(String agency, int year, long seed) {
        for (long s = seed; ; s++) {
            CanonicalReport r = report(agency, year, s);
            if (r.figures().containsKey(METRIC)) return r;
        }
    }

    private static CompletableFuture<JsonPath> batchAsync(String body) {
        return CompletableFuture.supplyAsync(() -> batch(body), CLIENTS);
    }

    /**
     * Document batches no longer queue behind bulk batches: with the bulk lock held in an open transaction, as a bulk
     * batch holds it for its whole batch, a document batch is stored at once (it once waited for the bulk batch).
     */
    @Test
    void aDocumentBatchGoesThroughWhileABulkBatchHoldsTheBulkLock() throws Exception {
        try (Connection bulk = dataSource.getConnection()) {
            bulk.setAutoCommit(false);
            try (PreparedStatement s = bulk.prepareStatement("select pg_advisory_xact_lock(?)")) {
                s.setLong(1, AdvisoryLocks.BULK);
                s.execute();
            }
            JsonPath answer = batchAsync(line(
                            "wuhai-2019.html",
                            html(report("乌海市林业和草原局", 2019, 31)).getBytes(StandardCharsets.UTF_8)))
                    .get(20, TimeUnit.SECONDS);
            assertThat(answer.getList("documents.status", Integer.class)).containsExactly(201);
            bulk.rollback();
        }
    }

    /**
     * A batch that finds its agency stored with the same sector reads the row without locking it: another writer
     * holding the row (changing it, say) does not hold the batch up. The upsert once met the row in ON CONFLICT, which
     * locks it even when nothing is updated.
     */
    @Test
    void aDocumentBatchDoesNotLockAnAgencyRowItFindsUnchanged() throws Exception {
        String agency = "乌海市档案馆";
        assertThat(batch(line(
                                "archive-2019.html",
                                html(report(agency, 2019, 41)).getBytes(StandardCharsets.UTF_8)))
                        .getList("documents.status", Integer.class))
                .containsExactly(201);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement s =
                    other.prepareStatement("select id from agency where name = ? for no key update")) {
                s.setString(1, agency);
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).as("the agency was stored").isTrue();
                }
            }
            JsonPath answer = batchAsync(line(
                            "archive-2020.html", html(report(agency, 2020, 42)).getBytes(StandardCharsets.UTF_8)))
                    .get(10, TimeUnit.SECONDS);
            assertThat(answer.getList("documents.status", Integer.class)).containsExactly(201);
            other.rollback();
        }
    }

    /**
     * Batches side by side that name the same new agencies (for other years) all store their documents, and the
     * roll-ups are the sums of the reports the documents were rendered from.
     */
    @Test
    void batchesSideBySideNamingTheSameNewAgenciesAllStoreAndSumExactly() throws Exception {
        String[] agencies = {"乌海市审计局", "乌海市商务局", "乌海市司法局", "乌海市文化旅游体育局"};
        int[] years = {2021, 2022, 2024, 2025};
        // each year's sum before, plus the figures of the reports the batches carry
        BigDecimal[] expected = new BigDecimal[years.length];
        for (int y = 0; y < years.length; y++) expected[y] = sum("150300", years[y]);
        List<CompletableFuture<JsonPath>> batches = new ArrayList<>();
        for (int y = 0; y < years.length; y++) {
            StringBuilder body = new StringBuilder();
            for (int a = 0; a < agencies.length; a++) {
                CanonicalReport r = withMetric(agencies[a], years[y], 1000L + 100L * y + 10L * a);
                expected[y] = expected[y].add(value(r, METRIC));
                body.append(line(a + "-" + years[y] + ".html", html(r).getBytes(StandardCharsets.UTF_8)));
            }
            batches.add(batchAsync(body.toString()));
        }
        for (CompletableFuture<JsonPath> b : batches)
            assertThat(b.get(60, TimeUnit.SECONDS).getList("documents.status", Integer.class))
                    .containsExactly(201, 201, 201, 201);
        for (int y = 0; y < years.length; y++)
            assertThat(sum("150300", years[y])).as("year " + years[y]).isEqualByComparingTo(expected[y]);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from agency where name = any(?) and region_code = '150300'")) {
            s.setArray(1, c.createArrayOf("text", agencies));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("one row per agency").isEqualTo(agencies.length);
            }
        }
    }

    /** Runs {@code gongkai ingest} against the test service; answers what it printed. */
    private static String ingest(Path dir, String... options) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int exit;
        try {
            List<String> args = new ArrayList<>(List.of(
                    dir.toString(),
                    "--url",
                    "http://localhost:" + RestAssured.port,
                    "--token",
                    org.gongkai.security.DefaultAdminToken.TOKEN));
            args.addAll(List.of(options));
            exit = new CommandLine(new IngestCommand()).execute(args.toArray(String[]::new));
        } finally {
            System.setOut(out);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        return text;
    }
}
