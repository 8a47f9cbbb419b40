package org.gongkai.tools.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Dashboard throughput on one instance and on two: the dashboard mix ({@link QueryShapes}, every call a freshly drawn
 * province, year or metric, so some answers come from the cache and some do not) from {@code clients} concurrent
 * dashboards for {@code seconds}, first against the service, then against it and a second instance started on the
 * same database, the clients split between them. Prints requests per second.
 */
final class InstancesPhase {

    private InstancesPhase() {}

    static Map<String, Object> run(
            ServiceProcess first,
            Path jar,
            Path pgDir,
            int port,
            int dbPort,
            String heap,
            Path log,
            Connection db,
            long seed,
            int clients,
            int seconds)
            throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("clients", clients);
        row.put("seconds", seconds);
        double one = mix(List.of(new ServiceCalls(first)), db, seed, clients, seconds, "one instance");
        row.put("one_instance_requests_per_second", one);
        ServiceProcess second;
        try {
            second = ServiceProcess.alongside(first, jar, pgDir, port, dbPort, heap, log);
        } catch (IllegalStateException e) {
            // the figure is missing, the rest of the bench still runs; the second instance's log says why
            System.out.println("second instance did not start (" + e.getMessage() + "): see " + log);
            row.put("two_instances_error", e.getMessage());
            return row;
        }
        try (second) {
            double two = mix(
                    List.of(new ServiceCalls(first), new ServiceCalls(second)),
                    db,
                    seed + 1,
                    clients,
                    seconds,
                    "two instances");
            row.put("two_instances_requests_per_second", two);
            row.put("two_over_one", two / one);
        }
        return row;
    }

    /** Requests per second of the mix over the instances, each client on one of them in turn. */
    private static double mix(
            List<ServiceCalls> instances, Connection db, long seed, int clients, int seconds, String what)
            throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            ServiceCalls calls = instances.get(c % instances.size());
            // each client its own seeded draws (the shapes' random streams are not shared between threads)
            List<Supplier<QueryShape>> shapes = dashboardShapes(seed * 31 + c, db);
            running.add(pool.submit(() -> {
                int i = 0;
                while (System.nanoTime() < deadline) {
                    QueryShape q = shapes.get(i++ % shapes.size()).get();
                    HttpResponse<Void> r = q.body() == null
                            ? calls.get(q.path(), HttpResponse.BodyHandlers.discarding())
                            : calls.postJson(q.path(), q.body(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) done.incrementAndGet();
                    else errors.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : running) f.get();
        pool.shutdown();
        double perSecond = done.get() / BenchResults.seconds(t0);
        System.out.printf(
                "dashboard mix, %s, %d clients, %d s: %,.0f requests/s (%d errors)%n",
                what, clients, seconds, perSecond, errors.get());
        return perSecond;
    }

    /** The dashboard shapes of the mix: the roll-up views and queries and the ranking, not the ad hoc scan. */
    private static List<Supplier<QueryShape>> dashboardShapes(long seed, Connection db) throws Exception {
        List<Supplier<QueryShape>> all = QueryShapes.all(seed, db);
        return all.subList(0, all.size() - 1);
    }
}
