package org.gongkai.tools.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The query phase: each dashboard question warmed up, then timed {@code runs} times through the service (p50, p95),
 * and, where it is a roll-up, its plain GROUP BY over the raw cells timed beside it.
 */
final class QueryPhase {

    private final ServiceCalls calls;
    private final Connection db;
    private final PlanWriter plans;
    private final int runs;
    private final int plainRuns;

    QueryPhase(ServiceCalls calls, Connection db, PlanWriter plans, int runs, int plainRuns) {
        this.calls = calls;
        this.db = db;
        this.plans = plans;
        this.runs = runs;
        this.plainRuns = plainRuns;
    }

    /** One row per shape: its latencies and, for roll-ups, the plain GROUP BY's median and the speed-up. */
    List<Map<String, Object>> run(List<Supplier<QueryShape>> shapes) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Supplier<QueryShape> shape : shapes) {
            int warmup = Math.max(5, runs / 10);
            for (int i = 0; i < warmup; i++) call(shape.get());
            double[] ms = new double[runs];
            QueryShape last = null;
            for (int i = 0; i < runs; i++) {
                last = shape.get();
                long t0 = System.nanoTime();
                call(last);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Latencies l = new Latencies(ms);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("shape", last.name());
            row.put(
                    "answered_from",
                    last.rollup()
                            ? "roll-ups"
                            : last.path().startsWith("/api/review") ? "review items" : "raw figures");
            row.put("p50_ms", l.p50());
            row.put("p95_ms", l.p95());
            if (last.plainSql() != null) {
                double median = plainMedian(shape);
                row.put("plain_group_by_ms", median);
                row.put("speedup_vs_plain_at_p95", median / l.p95());
            }
            if (last.equivalentQuery() != null) plans.write(last.name(), last.equivalentQuery());
            rows.add(row);
            System.out.printf(
                    "%-58s p50 %7.1f ms  p95 %7.1f ms%s%n",
                    last.name(),
                    l.p50(),
                    l.p95(),
                    row.containsKey("plain_group_by_ms")
                            ? String.format(
                                    "  plain GROUP BY %8.1f ms (%.0fx)",
                                    row.get("plain_group_by_ms"), row.get("speedup_vs_plain_at_p95"))
                            : "");
        }
        return rows;
    }

    private double plainMedian(Supplier<QueryShape> shape) throws SQLException {
        double[] plain = new double[plainRuns];
        for (int i = 0; i < plainRuns; i++) {
            QueryShape q = shape.get();
            long t0 = System.nanoTime();
            plainGroupBy(q);
            plain[i] = (System.nanoTime() - t0) / 1e6;
        }
        return new Latencies(plain).p50();
    }

    private void call(QueryShape q) throws IOException, InterruptedException {
        HttpResponse<String> r = q.body() == null
                ? calls.get(q.path(), HttpResponse.BodyHandlers.ofString())
                : calls.postJson(q.path(), q.body(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200)
            throw new IllegalStateException(q.name() + " answered " + r.statusCode() + ": " + r.body());
    }

    private void plainGroupBy(QueryShape q) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(q.plainSql())) {
            for (int i = 0; i < q.plainParams().size(); i++) {
                Object p = q.plainParams().get(i);
                if (p instanceof Short[] arr) s.setArray(i + 1, db.createArrayOf("smallint", arr));
                else s.setObject(i + 1, p);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    // read every row, as a caller would
                }
            }
        }
    }
}
