package org.gongkai.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The load phase: the corpus posted in one request to {@code POST /api/reports/bulk}, timed to its last answer.
 *
 * <p>The file goes out as {@code scripts/bench-bulk.sh} sends it with curl: blocking writes of 1 MiB to one connection
 * of a known length ({@link HttpURLConnection}). The JDK's {@code HttpClient} sends a file in 16 KiB buffers handed
 * between its threads: 4.6–6.4 CPU-seconds of the client for 200,000 lines (1.1 GB), against 1.2 s for this (JVM
 * start and compiling the program included; {@code /usr/bin/time}, 2026-12-06), taken from the two cores the load
 * needs.
 */
final class BulkLoadPhase {

    private BulkLoadPhase() {}

    /** Loads {@code ndjson}; answers the seconds it took. */
    static double run(ServiceProcess service, Path ndjson, long reports, BenchResults results) throws IOException {
        long t0 = System.nanoTime();
        HttpURLConnection c =
                (HttpURLConnection) service.uri("/api/reports/bulk").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Authorization", "Bearer " + service.token());
        c.setRequestProperty("Content-Type", "application/x-ndjson");
        c.setFixedLengthStreamingMode(Files.size(ndjson));
        try (OutputStream out = c.getOutputStream();
                InputStream in = Files.newInputStream(ndjson)) {
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; ) out.write(buffer, 0, n);
        }
        if (c.getResponseCode() != 200) {
            try (InputStream error = c.getErrorStream()) {
                throw new IllegalStateException("the bulk load answered " + c.getResponseCode() + ": "
                        + (error == null ? "" : new String(error.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        String summary = null;
        long rejected = 0;
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
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
