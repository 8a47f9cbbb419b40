package org.gongkai.tools.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer cache's figure: one dashboard question (items published per year in one province) asked again and again
 * over HTTP, every answer after the first from the cache ({@code Gongkai-Cache: hit}, checked), timed p50 and p95 after
 * {@link #WARM_UP} untimed ones.
 */
final class CachePhase {

    /** Requests before the timed ones. */
    static final int WARM_UP = 3_000;

    private CachePhase() {}

    static Map<String, Object> run(ServiceProcess service, ServiceCalls calls, Connection db, int runs)
            throws Exception {
        String path = "/api/views/items-published?regionCode=440000";
        get(calls, path); // computed once, kept
        // a dashboard instance serves this path thousands of times an hour: time it once the JIT has compiled the
        // hit path (a few thousand requests), not while it is still interpreted
        for (int i = 0; i < WARM_UP; i++) get(calls, path);
        double[] ms = new double[runs];
        int autovacuumBefore = autovacuumWorkers(db);
        int hits = service.unsampled(() -> {
            int h = 0;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = get(calls, path);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                if ("hit".equals(r.headers().firstValue("Gongkai-Cache").orElse(""))) h++;
            }
            return h;
        });
        int autovacuumAfter = autovacuumWorkers(db);
        Latencies l = new Latencies(ms);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("question", path);
        row.put("warm_up", WARM_UP);
        row.put("runs", runs);
        row.put("cache_hits", hits);
        row.put("p50_ms", l.p50());
        row.put("p95_ms", l.p95());
        row.put("autovacuum_workers_at_start", autovacuumBefore);
        row.put("autovacuum_workers_at_end", autovacuumAfter);
        System.out.printf(
                "repeated dashboard query (answer cache): p50 %.2f ms, p95 %.2f ms, %d of %d from the cache"
                        + " (autovacuum workers at work: %d at the start, %d at the end)%n",
                l.p50(), l.p95(), hits, runs, autovacuumBefore, autovacuumAfter);
        return row;
    }

    private static int autovacuumWorkers(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(
                        "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static HttpResponse<String> get(ServiceCalls calls, String path) throws Exception {
        HttpResponse<String> r = calls.get(path, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200)
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        return r;
    }
}
