package org.gongkai.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.gongkai.generator.CorpusGenerator;
import org.gongkai.generator.CorpusSummary;
import org.gongkai.generator.CorpusWriter;
import org.gongkai.generator.DocumentSink;
import org.gongkai.generator.GeneratorOptions;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.regions.Region;
import org.gongkai.regions.RegionDirectory;
import org.gongkai.regions.RegionLevel;
import org.postgresql.PGConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gongkai bench}: every performance figure the project promises, in one run — generate a corpus, start the
 * service on a fresh embedded PostgreSQL, bulk-load it over HTTP, COPY the same cells raw for comparison, time each
 * dashboard query shape against its plain GROUP BY, time the exports, and report the service's peak heap and RSS.
 * Prints a table and writes {@code results.json} under the output folder.
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

    @Option(names = "--explain", description = "also write EXPLAIN (ANALYZE, BUFFERS) of each shape to this folder")
    Path explainDir;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Object> results = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        Path pgDir = out.resolve("postgres");
        results.put("reports", reports);
        if (reuse) {
            if (!Files.isDirectory(pgDir)) throw new IllegalStateException("--reuse needs a previous run in " + out);
            try (ServiceProcess service = ServiceProcess.start(
                            jar.toAbsolutePath(),
                            pgDir.toAbsolutePath(),
                            port,
                            dbPort,
                            heap,
                            out.resolve("service.log"));
                    Connection db = DriverManager.getConnection(
                            "jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "postgres")) {
                results.put("queries", queries(service, db));
                service.resetPeaks();
                results.put("exports", exports(service));
                results.put("peak_rss_mib_overall", service.peakRssBytes() / 1048576.0);
            }
            print();
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out.resolve("results-reuse.json").toFile(), results);
            return 0;
        }
        deleteTree(pgDir);

        long t0 = System.nanoTime();
        GeneratorOptions options =
                GeneratorOptions.defaults().withReports(reports).withSeed(seed);
        CorpusSummary corpus = new CorpusWriter(out.resolve("corpus"), false, false, DocumentSink.none(), 2)
                .write(new CorpusGenerator(options));
        Path ndjson = out.resolve("corpus").resolve("reports.ndjson");
        double generateSeconds = seconds(t0);
        results.put("generate_seconds", generateSeconds);
        System.out.printf("generated %,d reports in %.1f s (%s)%n", reports, generateSeconds, corpus);

        try (ServiceProcess service = ServiceProcess.start(
                jar.toAbsolutePath(), pgDir.toAbsolutePath(), port, dbPort, heap, out.resolve("service.log"))) {
            service.resetPeaks();
            double load = bulkLoad(service, ndjson);
            results.put("bulk_reports_per_second", reports / load);
            results.put("peak_rss_mib_loading", service.peakRssBytes() / 1048576.0);
            results.put("peak_heap_mib_loading", service.peakHeapBytes() / 1048576.0);

            try (Connection db = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "postgres")) {
                double copy = rawCopy(db);
                results.put("raw_copy_reports_per_second", reports / copy);
                results.put("bulk_share_of_raw_copy", copy / load);

                service.resetPeaks();
                results.put("queries", queries(service, db));
                results.put("peak_rss_mib_querying", service.peakRssBytes() / 1048576.0);
            }
            service.resetPeaks();
            results.put("exports", exports(service));
            results.put("peak_rss_mib_exporting", service.peakRssBytes() / 1048576.0);
            results.put("peak_heap_mib_exporting", service.peakHeapBytes() / 1048576.0);
            results.put("peak_rss_mib_overall", service.peakRssBytes() / 1048576.0);
        }
        results.put("parser", org.gongkai.parsing.ParserBenchmark.measure(parserDocuments, 5));
        print();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(out.resolve("results.json").toFile(), results);
        System.out.println("results: " + out.resolve("results.json").toAbsolutePath());
        return 0;
    }

    // ------------------------------------------------------------------ bulk and raw COPY

    private double bulkLoad(ServiceProcess service, Path ndjson) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<java.io.InputStream> r = http.send(
                service.request("/api/reports/bulk")
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofFile(ndjson))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        String summary = null;
        long rejected = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("{\"summary\"")) summary = line;
                else if (line.contains("\"rejected\"")) rejected++;
            }
        }
        double s = seconds(t0);
        System.out.printf("bulk load: %,d reports in %.1f s, %,d rejected; %s%n", reports, s, rejected, summary);
        if (summary == null) throw new IllegalStateException("the bulk answer had no summary");
        results.put("bulk_seconds", s);
        results.put("bulk_rejected", rejected);
        return s;
    }

    /** COPY of the same report rows and cells into empty copies of the tables (same indexes), the limit to beat. */
    private double rawCopy(Connection db) throws SQLException, IOException {
        Path reportsFile = out.resolve("raw-report.copy");
        Path figuresFile = out.resolve("raw-figure.copy");
        PGConnection pg = db.unwrap(PGConnection.class);
        try (Writer w = Files.newBufferedWriter(reportsFile)) {
            pg.getCopyAPI().copyOut("COPY report TO STDOUT", w);
        }
        try (Writer w = Files.newBufferedWriter(figuresFile)) {
            pg.getCopyAPI().copyOut("COPY (select * from figure) TO STDOUT", w);
        }
        try (Statement s = db.createStatement()) {
            s.execute("drop table if exists bench_figure, bench_report");
            s.execute("create table bench_report (like report including all)");
            // partitioned by year as figure is, with the same partitions
            s.execute("create table bench_figure (like figure including all) partition by range (year)");
            List<String> bounds = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select c.relname, pg_get_expr(c.relpartbound, c.oid) from pg_inherits i"
                    + " join pg_class c on c.oid = i.inhrelid where i.inhparent = 'figure'::regclass")) {
                while (rs.next())
                    bounds.add(
                            "create table bench_" + rs.getString(1) + " partition of bench_figure " + rs.getString(2));
            }
            for (String ddl : bounds) s.execute(ddl);
        }
        long t0 = System.nanoTime();
        try (Reader r = Files.newBufferedReader(reportsFile)) {
            pg.getCopyAPI().copyIn("COPY bench_report FROM STDIN", r);
        }
        long cells;
        try (Reader r = Files.newBufferedReader(figuresFile)) {
            cells = pg.getCopyAPI().copyIn("COPY bench_figure FROM STDIN", r);
        }
        double s = seconds(t0);
        try (Statement st = db.createStatement()) {
            st.execute("drop table bench_figure, bench_report");
        }
        Files.delete(reportsFile);
        Files.delete(figuresFile);
        results.put("cells", cells);
        results.put("raw_copy_seconds", s);
        System.out.printf("raw COPY: %,d reports and %,d cells in %.1f s%n", reports, cells, s);
        return s;
    }

    // ------------------------------------------------------------------ queries

    private List<Map<String, Object>> queries(ServiceProcess service, Connection db) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        List<Region> provinces = RegionDirectory.standard().all().stream()
                .filter(r -> r.level() == RegionLevel.PROVINCE)
                .toList();
        Map<String, Short> ids = metricIds(db);
        List<String> metrics = List.of(
                "requests.new.total",
                "outcome.granted.total",
                "outcome.total.total",
                "review.total",
                "outcome.denied.total",
                "requests.carried_forward.total");
        List<Map<String, Object>> rows = new ArrayList<>();
        List<java.util.function.Supplier<QueryShape>> shapes = List.of(
                () -> {
                    String p = pick(random, provinces).code();
                    return new QueryShape(
                                    "items published per year, one province (view)",
                                    true,
                                    "GET",
                                    "/api/views/items-published?regionCode=" + p,
                                    null,
                                    "select r.year, sum(f.value) from report r join figure f on f.report_id = r.id and f.year = r.year"
                                            + " where r.is_latest and r.province_code = ? and f.metric_id = ? group by 1",
                                    List.of(p, ids.get("proactive.items_published")))
                            .withEquivalent("{\"metrics\": [\"proactive.items_published\"], \"groupBy\": [\"year\"],"
                                    + " \"filters\": {\"regionCode\": \"" + p + "\"}}");
                },
                () -> {
                    String p = pick(random, provinces).code();
                    int y = 2019 + random.nextInt(8);
                    return new QueryShape(
                                    "request outcomes by city, one province-year (view)",
                                    true,
                                    "GET",
                                    "/api/views/request-outcomes?regionCode=" + p + "&year=" + y,
                                    null,
                                    "select r.city_code, f.metric_id, sum(f.value) from report r join figure f on f.report_id = r.id"
                                            + " and f.year = r.year where r.is_latest and r.province_code = ?"
                                            + " and r.year = ? and f.year = ?"
                                            + " and f.metric_id = any(?) group by 1, 2",
                                    List.of(p, (short) y, (short) y, outcomeIds(ids)))
                            .withEquivalent("{\"metrics\": [\"requests.new.total\", \"outcome.granted.total\","
                                    + " \"outcome.total.total\", \"rate.grant\"], \"groupBy\": [\"city\"],"
                                    + " \"filters\": {\"regionCode\": \"" + p + "\", \"years\": [" + y + ", " + y
                                    + "]}}");
                },
                () -> {
                    String m = pick(random, metrics);
                    return new QueryShape(
                            "province x year, national, one metric",
                            true,
                            "POST",
                            "/api/query",
                            "{\"metrics\": [\"" + m + "\"], \"groupBy\": [\"province\", \"year\"]}",
                            "select r.province_code, r.year, sum(f.value) from report r join figure f on f.report_id = r.id"
                                    + " and f.year = r.year"
                                    + " where r.is_latest and f.metric_id = ? group by 1, 2",
                            List.of(ids.get(m)));
                },
                () -> {
                    String p = pick(random, provinces).code();
                    return new QueryShape(
                            "city x year in a province, 2 metrics + grant rate",
                            true,
                            "POST",
                            "/api/query",
                            "{\"metrics\": [\"requests.new.total\", \"outcome.total.total\", \"rate.grant\"],"
                                    + " \"groupBy\": [\"city\", \"year\"], \"filters\": {\"regionCode\": \"" + p
                                    + "\"}}",
                            "select r.city_code, r.year, f.metric_id, sum(f.value) from report r join figure f"
                                    + " on f.report_id = r.id and f.year = r.year where r.is_latest and r.province_code = ?"
                                    + " and f.metric_id = any(?) group by 1, 2, 3",
                            List.of(p, new Short[] {
                                ids.get("requests.new.total"),
                                ids.get("outcome.total.total"),
                                ids.get("outcome.granted.total"),
                                ids.get("outcome.partial.total")
                            }));
                },
                () -> {
                    String p = pick(random, provinces).code();
                    int y = 2015 + random.nextInt(12);
                    return new QueryShape(
                            "ranking: agencies of a province-year (view, raw figures)",
                            false,
                            "GET",
                            "/api/views/rankings?metric=requests.new.total&regionCode=" + p + "&year=" + y,
                            null,
                            null,
                            List.of());
                },
                () -> new QueryShape(
                        "ad hoc: province x year, one sector (raw figures)",
                        false,
                        "POST",
                        "/api/query",
                        "{\"metrics\": [\"requests.new.total\", \"rate.grant\"], \"groupBy\": [\"province\", \"year\"],"
                                + " \"filters\": {\"sector\": \""
                                + pick(random, List.of("education", "public_security", "natural_resources")) + "\"}}",
                        null,
                        List.of()));
        for (java.util.function.Supplier<QueryShape> shape : shapes) {
            int warmup = Math.max(5, runs / 10);
            for (int i = 0; i < warmup; i++) call(service, shape.get());
            double[] ms = new double[runs];
            QueryShape last = null;
            for (int i = 0; i < runs; i++) {
                last = shape.get();
                long t0 = System.nanoTime();
                call(service, last);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Latencies l = new Latencies(ms);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("shape", last.name());
            row.put("answered_from", last.rollup() ? "roll-ups" : "raw figures");
            row.put("p50_ms", l.p50());
            row.put("p95_ms", l.p95());
            if (last.plainSql() != null) {
                double[] plain = new double[plainRuns];
                for (int i = 0; i < plainRuns; i++) {
                    QueryShape q = shape.get();
                    long t0 = System.nanoTime();
                    plainGroupBy(db, q);
                    plain[i] = (System.nanoTime() - t0) / 1e6;
                }
                double median = new Latencies(plain).p50();
                row.put("plain_group_by_ms", median);
                row.put("speedup_vs_plain_at_p95", median / l.p95());
            }
            if (explainDir != null && last.equivalentQuery() != null)
                explain(service, last.name(), last.equivalentQuery());
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

    private void call(ServiceProcess service, QueryShape q) throws IOException, InterruptedException {
        HttpRequest.Builder b = service.request(q.path());
        if (q.body() != null)
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(q.body()));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200)
            throw new IllegalStateException(q.name() + " answered " + r.statusCode() + ": " + r.body());
    }

    /** Writes the engine's plan of {@code query} (a POST /api/query body), as executed, to the explain folder. */
    private void explain(ServiceProcess service, String name, String query) throws IOException, InterruptedException {
        Files.createDirectories(explainDir);
        HttpResponse<String> r = http.send(
                service.request("/api/query/explain")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(query))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String file = name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-+$", "") + ".txt";
        Files.writeString(
                explainDir.resolve(file), "-- " + reports + " reports; " + name + "\n-- " + query + "\n" + r.body());
    }

    private static void plainGroupBy(Connection db, QueryShape q) throws SQLException {
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

    private static Map<String, Short> metricIds(Connection db) throws SQLException {
        Map<String, Short> ids = new LinkedHashMap<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select key, id from metric")) {
            while (rs.next()) ids.put(rs.getString(1), rs.getShort(2));
        }
        return ids;
    }

    /** The summed metrics of the request-outcomes view, as ids for its plain GROUP BY. */
    private static Short[] outcomeIds(Map<String, Short> ids) {
        return MetricCatalogue.standard().viewMetrics("request-outcomes").stream()
                .filter(k -> !k.startsWith("rate."))
                .map(ids::get)
                .toArray(Short[]::new);
    }

    // ------------------------------------------------------------------ exports

    private List<Map<String, Object>> exports(ServiceProcess service) throws IOException, InterruptedException {
        List<Map<String, Object>> rows = new ArrayList<>();
        // agencies × the last two years: 100,000 rows at national scale (the first 100,000 groups)
        String body = "{\"metrics\": [\"requests.new.total\", \"outcome.granted.total\", \"outcome.total.total\","
                + " \"rate.grant\"], \"groupBy\": [\"agency\", \"year\"], \"filters\": {\"years\": [2023, 2024]},"
                + " \"limit\": 100000}";
        for (String format : List.of("csv", "xlsx")) {
            service.resetPeaks();
            long heapBefore = service.heapNowBytes();
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(
                    service.request("/api/exports?format=" + format)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            double s = seconds(t0);
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
            row.put("peak_heap_mib_during", service.peakHeapBytes() / 1048576.0);
            row.put("heap_mib_before", heapBefore / 1048576.0);
            row.put("heap_growth_mib", (service.peakHeapBytes() - heapBefore) / 1048576.0);
            rows.add(row);
            System.out.printf(
                    "export %s: %.2f s, %,d bytes%s%n",
                    format,
                    s,
                    r.body().length,
                    lines >= 0 ? String.format(", %,d rows (%.0f rows/s)", lines, lines / s) : "");
        }
        // after the timed runs, so that the plan does not warm their cache
        if (explainDir != null) explain(service, "export query, agencies x 2 years (raw figures)", body);
        return rows;
    }

    // ------------------------------------------------------------------ output

    private void print() {
        System.out.println();
        System.out.println("== Gongkai benchmark, " + String.format("%,d", reports) + " reports");
        results.forEach((k, v) -> {
            if (v instanceof List<?> list) {
                System.out.println(k + ":");
                list.forEach(item -> System.out.println("  " + item));
            } else if (v instanceof Double d) {
                System.out.printf("%-32s %,.1f%n", k, d);
            } else {
                System.out.printf("%-32s %s%n", k, v);
            }
        });
    }

    private static <T> T pick(SplittableRandom random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
