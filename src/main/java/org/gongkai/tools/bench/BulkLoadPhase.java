package org.gongkai.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The load phase: the corpus posted in one request to {@code POST /api/reports/bulk}, timed to its last answer. */
final class BulkLoadPhase {

    private BulkLoadPhase() {}

    /** Loads {@code ndjson}; answers the seconds it took. */
    static double run(ServiceCalls calls, Path ndjson, long reports, BenchResults results)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = calls.post(
                "/api/reports/bulk",
                "application/x-ndjson",
                HttpRequest.BodyPublishers.ofFile(ndjson),
                HttpResponse.BodyHandlers.ofInputStream());
        String summary = null;
        long rejected = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("{\"summary\"")) summary = line;
                else if (line.contains("\"rejected\"")) rejected++;
            }
        }
        double s = BenchResults.seconds(t0);
        System.out.printf("bulk load: %,d reports in %.1f s, %,d rejected; %s%n", reports, s, rejected, summary);
        if (summary == null) throw new IllegalStateException("the bulk answer had no summary");
        results.put("bulk_seconds", s);
        results.put("bulk_rejected", rejected);
        return s;
    }
}
