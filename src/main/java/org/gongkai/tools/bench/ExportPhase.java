package org.gongkai.tools.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.metrics.MetricCatalogue;

/** The export phase: one large export as CSV and as XLSX, timed, with the service's heap before and at its peak. */
final class ExportPhase {

    private ExportPhase() {}

    /** One row per format. */
    static List<Map<String, Object>> run(ServiceProcess service, ServiceCalls calls, PlanWriter plans)
            throws IOException, InterruptedException {
        List<Map<String, Object>> rows = new ArrayList<>();
        // agencies × the last two years: 100,000 rows at national scale (the first 100,000 groups)
        String body = "{\"metrics\": "
                + QueryShapes.jsonList(MetricCatalogue.standard().benchmarkMetrics("export"))
                + ", \"groupBy\": [\"agency\", \"year\"], \"filters\": {\"years\": [2023, 2024]},"
                + " \"limit\": 100000}";
        for (String format : List.of("csv", "xlsx")) {
            service.resetPeaks();
            long heapBefore = service.heapNowBytes();
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r =
                    calls.postJson("/api/exports?format=" + format, body, HttpResponse.BodyHandlers.ofByteArray());
            double s = BenchResults.seconds(t0);
            if (r.statusCode() != 200) throw new IllegalStateException("export answered " + r.statusCode());
            long lines = format.equals("csv")
                    ? new String(r.body(), StandardCharsets.UTF_8).lines().count() - 1
                    : -1;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("format", format);
            row.put("seconds", s);
            row.put("bytes", r.body().length);
            if (lines >= 0) {
                row.put("rows", lines);
                row.put("rows_per_second", lines / s);
            }
            long peakHeap = service.peakHeapBytes(); // reads the GC log and asks the service: once
            row.put("peak_heap_mib_during", BenchResults.mib(peakHeap));
            row.put("heap_mib_before", BenchResults.mib(heapBefore));
            row.put("heap_growth_mib", BenchResults.mib(peakHeap - heapBefore));
            rows.add(row);
            System.out.printf(
                    "export %s: %.2f s, %,d bytes%s%n",
                    format,
                    s,
                    r.body().length,
                    lines >= 0 ? String.format(", %,d rows (%.0f rows/s)", lines, lines / s) : "");
        }
        // after the timed runs, so that the plan does not warm their cache
        plans.write("export query, agencies x 2 years (raw figures)", body);
        return rows;
    }
}
