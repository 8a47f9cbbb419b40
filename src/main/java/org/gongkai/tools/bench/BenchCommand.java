package org.gongkai.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gongkai bench}: every performance figure the project promises, in one run — generate a corpus, start the
 * service on a fresh embedded PostgreSQL, bulk-load it over HTTP, COPY the same cells raw for comparison, time each
 * dashboard query shape against its plain GROUP BY, time the exports, and report the service's peak heap and RSS.
 * Prints a table and writes {@code results.json} under the output folder. Each phase is a class of its own
 * ({@link CorpusPhase}, {@link BulkLoadPhase}, {@link RawCopyPhase}, {@link QueryPhase}, {@link DashboardPhase}, {@link
 * ExportPhase}, {@link ParserBenchmark}, {@link CachePhase}, {@link InstancesPhase}, {@link IngestPhase}); this one reads
 * the options and runs them in order.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure Gongkai end to end on generated data")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--reports", defaultValue = "20000", description = "reports to generate (default ${DEFAULT-VALUE})")
    long reports;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--out", defaultValue = "target/bench", description = "work folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--jar", defaultValue = "target/quarkus-app/quarkus-run.jar")
    Path jar;

    @Option(names = "--heap", defaultValue = "512m", description = "the service's -Xmx (default ${DEFAULT-VALUE})")
    String heap;

    @Option(
            names = "--runs",
            defaultValue = "100",
            description = "timed calls per query shape (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--plain-runs", defaultValue = "3", description = "timed plain GROUP BYs per shape")
    int plainRuns;

    @Option(names = "--parser-documents", defaultValue = "3000", description = "documents per parser round")
    int parserDocuments;

    @Option(names = "--port", defaultValue = "18080")
    int port;

    @Option(names = "--db-port", defaultValue = "54329")
    int dbPort;

    @Option(names = "--reuse", description = "measure queries and exports on the database a previous run left in --out")
    boolean reuse;

    @Option(
            names = "--raw-copy",
            description = "with --reuse: also time the raw COPY of the loaded rows into empty copies of the tables")
    boolean rawCopy;

    @Option(names = "--explain", description = "also write EXPLAIN (ANALYZE, BUFFERS) of each shape to this folder")
    Path explainDir;

    @Option(names = "--cache-runs", defaultValue = "2000", description = "timed repeats of the cached dashboard query")
    int cacheRuns;

    @Option(names = "--mix-clients", defaultValue = "8", description = "concurrent dashboards of the throughput mix")
    int mixClients;

    @Option(names = "--mix-seconds", defaultValue = "20", description = "seconds of the mix per instance count")
    int mixSeconds;

    @Option(names = "--ingest-documents", defaultValue = "3000", description = "documents sent through gongkai ingest")
    int ingestDocuments;

    @Option(
            names = "--ingest-warm-up",
            defaultValue = "12000",
            description = "further documents sent through gongkai ingest first, untimed (default: ${DEFAULT-VALUE})")
    int ingestWarmUp;

    @Option(names = "--ingest-batch", defaultValue = "500", description = "gongkai ingest --batch")
    int ingestBatch;

    @Option(names = "--ingest-concurrency", defaultValue = "2", description = "gongkai ingest --concurrency")
    int ingestConcurrency;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        Path pgDir = out.resolve("postgres");
        BenchResults results = new BenchResults();
        results.put("reports", reports);
        if (reuse) {
            if (!Files.isDirectory(pgDir)) throw new IllegalStateException("--reuse needs a previous run in " + out);
            try (ServiceProcess service = startService(pgDir);
                    Connection db = database()) {
                ServiceCalls calls = new ServiceCalls(service);
                PlanWriter plans = new PlanWriter(calls, explainDir, reports);
                if (rawCopy) RawCopyPhase.run(db, out, reports, results);
                results.put("queries", queries(calls, db, plans));
                results.put("dashboard", DashboardPhase.run(service, calls, seed, dashboardRuns()));
                service.resetPeaks();
                results.put("exports", ExportPhase.run(service, calls, plans));
                serveMany(service, calls, pgDir, db, results);
                results.put("peak_rss_mib_overall", BenchResults.mib(service.peakRssBytes()));
            }
            results.print(reports);
            results.write(out.resolve("results-reuse.json"));
            return 0;
        }
        deleteTree(pgDir);
        Path ndjson = CorpusPhase.generate(reports, seed, out, results);

        try (ServiceProcess service = startService(pgDir)) {
            ServiceCalls calls = new ServiceCalls(service);
            PlanWriter plans = new PlanWriter(calls, explainDir, reports);
            service.resetPeaks();
            double load = BulkLoadPhase.run(service, ndjson, reports, results);
            results.put("bulk_reports_per_second", reports / load);
            results.put("peak_rss_mib_loading", BenchResults.mib(service.peakRssBytes()));
            results.put("peak_heap_mib_loading", BenchResults.mib(service.peakHeapBytes()));

            try (Connection db = database()) {
                double copy = RawCopyPhase.run(db, out, reports, results);
                results.put("raw_copy_reports_per_second", reports / copy);
                results.put("bulk_share_of_raw_copy", copy / load);
                System.out.printf("bulk ÷ raw COPY: %.1f %% (%.1f s against %.1f s)%n", 100 * copy / load, load, copy);

                service.resetPeaks();
                results.put("queries", queries(calls, db, plans));
                results.put("dashboard", DashboardPhase.run(service, calls, seed, dashboardRuns()));
                results.put("peak_rss_mib_querying", BenchResults.mib(service.peakRssBytes()));
            }
            service.resetPeaks();
            results.put("exports", ExportPhase.run(service, calls, plans));
            results.put("peak_rss_mib_exporting", BenchResults.mib(service.peakRssBytes()));
            results.put("peak_heap_mib_exporting", BenchResults.mib(service.peakHeapBytes()));
            try (Connection db = database()) {
                serveMany(service, calls, pgDir, db, results);
            }
            results.put("peak_rss_mib_overall", BenchResults.mib(service.peakRssBytes()));
        }
        results.put("parser", ParserBenchmark.measure(parserDocuments, 5));
        results.print(reports);
        results.write(out.resolve("results.json"));
        System.out.println("results: " + out.resolve("results.json").toAbsolutePath());
        return 0;
    }

    private List<Map<String, Object>> queries(ServiceCalls calls, Connection db, PlanWriter plans) throws Exception {
        // the engine timed, not the answer cache (CachePhase times that)
        return new QueryPhase(calls.uncached(), db, plans, runs, plainRuns).run(QueryShapes.all(seed, db));
    }

    /**
     * Serving many (issue 17): the repeated dashboard query from the answer cache, the dashboard mix on one instance
     * and on two, and documents through {@code gongkai ingest} (last: it adds reports).
     */
    private void serveMany(ServiceProcess service, ServiceCalls calls, Path pgDir, Connection db, BenchResults results)
            throws Exception {
        results.put("answer_cache", CachePhase.run(service, db, cacheRuns));
        results.put(
                "instances",
                InstancesPhase.run(
                        service,
                        jar.toAbsolutePath(),
                        pgDir.toAbsolutePath(),
                        port + 1,
                        dbPort,
                        heap,
                        out.resolve("service-2.log"),
                        db,
                        seed,
                        mixClients,
                        mixSeconds));
        results.put(
                "ingest",
                IngestPhase.run(
                        service,
                        out,
                        ingestDocuments,
                        ingestWarmUp,
                        seed ^ System.currentTimeMillis(),
                        ingestBatch,
                        ingestConcurrency));
    }

    /** One overview click per province but the first visit's, at most {@code --runs}. */
    private int dashboardRuns() {
        return Math.min(runs, 30);
    }

    private ServiceProcess startService(Path pgDir) throws IOException, InterruptedException {
        return ServiceProcess.start(
                jar.toAbsolutePath(), pgDir.toAbsolutePath(), port, dbPort, heap, out.resolve("service.log"));
    }

    /** The embedded PostgreSQL the service started, for the raw COPY and the plain GROUP BYs. */
    private Connection database() throws SQLException, IOException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + dbPort + "/postgres",
                "postgres",
                ServiceProcess.databasePassword(out.resolve("postgres")));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
