package org.gongkai.documents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.gongkai.parsing.HostileFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hostile uploads through {@code POST /api/documents}: each is answered 4xx problem+json, leaves less than
 * {@link #HEAP_BOUND} more heap in use than before it, and the service then still stores a normal document. Limits: README
 * "Documents".
 */
@QuarkusTest
@Tag("database")
class HostileDocumentResourceTest {

    /** Heap one hostile upload may leave in use above what was in use before it. */
    private static final long HEAP_BOUND = 256L * 1024 * 1024;

    private static final long UPLOAD = 200L * 1024 * 1024;

    @TestHTTPResource("/api/documents")
    URI documents;

    @Test
    void refusesAPdfBombAndKeepsServing() {
        assertRefusedWithin(
                HEAP_BOUND, () -> post(HostileFiles.flateBombPdf(1024), "application/pdf", 422, "unreadable-document"));
        assertRefusedWithin(
                HEAP_BOUND,
                () -> post(HostileFiles.deepPageTreePdf(50_000), "application/pdf", 422, "unreadable-document"));
        assertRefusedWithin(
                HEAP_BOUND, () -> post(HostileFiles.deeplyNestedPdf(200_000), "application/pdf", 422, null));
        assertStillServing();
    }

    @Test
    void refusesAZipBombDisguisedAsADocxAndKeepsServing() {
        assertRefusedWithin(
                HEAP_BOUND,
                () -> post(HostileFiles.zipBombDocx(4095), "application/octet-stream", 422, "unreadable-document"));
        assertStillServing();
    }

    @Test
    void refuses200MegabytesWith413WithoutHoldingThem() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        // Declared length: refused before the body is read.
        HttpRequest declared = HttpRequest.newBuilder(documents)
                .header("Content-Type", "application/pdf")
                .header("Authorization", "Bearer " + org.gongkai.security.DefaultAdminToken.TOKEN)
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new Zeros(UPLOAD)), UPLOAD))
                .timeout(Duration.ofSeconds(60))
                .build();
        // Chunked, no length: read up to the limit, then refused.
        HttpRequest chunked = HttpRequest.newBuilder(documents)
                .header("Content-Type", "application/pdf")
                .header("Authorization", "Bearer " + org.gongkai.security.DefaultAdminToken.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Zeros(UPLOAD)))
                .timeout(Duration.ofSeconds(60))
                .build();
        for (HttpRequest request : new HttpRequest[] {declared, chunked}) {
            long grown = heapGrowth(() -> {
                try {
                    HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                    assertThat(answer.statusCode()).isEqualTo(413);
                    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                    assertThat(answer.body()).contains("payload-too-large").contains("20971520");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("no answer to a 200 MB upload", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            assertThat(grown)
                    .as("heap left in use (bytes) after refusing 200 MB")
                    .isLessThan(HEAP_BOUND);
        }
        assertStillServing();
    }

    private void post(byte[] body, String type, int status, String problem) {
        var then = given().contentType(type)
                .body(body)
                .post("/api/documents")
                .then()
                .statusCode(status)
                .contentType("application/problem+json");
        if (problem != null) then.body("type", equalTo("/problems/" + problem));
    }

    private static void assertRefusedWithin(long bound, Runnable post) {
        assertThat(heapGrowth(post)).as("heap left in use (bytes)").isLessThan(bound);
    }

    /** A report never posted before (a random one, rendered as HTML) is still parsed and stored: 201 or 202. */
    private static void assertStillServing() {
        var catalogue = org.gongkai.metrics.MetricCatalogue.standard();
        var random = new org.gongkai.tools.rendering.RandomReports(catalogue, System.nanoTime())
                .tableReport(org.gongkai.canonical.ReportFormat.F2021);
        // an agency of this test's own, so that other tests' counts of their agencies never see it
        var report = new org.gongkai.canonical.CanonicalReport(
                "嘉峪关市统计局",
                null,
                random.year(),
                random.format(),
                random.publishedOn(),
                random.sourceUrl(),
                random.figures(),
                random.findings());
        String html = new org.gongkai.tools.rendering.ReportRenderer(catalogue)
                .render(report, org.gongkai.tools.rendering.Layout.HTML_TABLE);
        given().contentType("text/html; charset=UTF-8")
                .body(html.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/documents")
                .then()
                .statusCode(anyOf(is(201), is(202)));
    }

    /**
     * Heap still in use after {@code work} ran, above what was in use before it, both after a collection: what a
     * hostile upload leaves behind. (The peak while it runs is bounded by the parser's limits, shown under a
     * 256 MB heap by BadFilesTest; sampled here it would mostly count garbage not yet collected.)
     */
    private static long heapGrowth(Runnable work) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        work.run();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed() - before;
    }

    /** {@code size} zero bytes, made as they are read. */
    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) return -1;
            left--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) return -1;
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
