package org.gongkai.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.regions.Region;
import org.gongkai.regions.RegionDirectory;
import org.gongkai.regions.RegionLevel;

/**
 * The dashboard's two promised figures: the overview of a province over ten years, from the click to the last answer
 * (every call the page makes, issued as the page issues them: the filter bar's region calls beside the overview's
 * query, whose body is the page's own {@code app/overview.json}), and the first load of the page on loopback (the
 * HTML, then what it names, then the modules those import, level by level as a browser finds them, on new
 * connections).
 */
final class DashboardPhase {

    private static final String TEMPLATE = "/META-INF/resources/app/overview.json";
    private static final Pattern HTML_REFERENCE = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"");
    private static final Pattern JS_IMPORT = Pattern.compile(
            "(?m)^\\s*(?:import|}?\\s*from|import .* from)\\s*'(\\.[^']+\\.js)'|\\bfrom '(\\.[^']+\\.js)'");
    private static final int FIRST_LOADS = 10;

    private final ServiceCalls calls;
    private final ServiceProcess service;
    private final ObjectMapper json = new ObjectMapper();

    private DashboardPhase(ServiceCalls calls, ServiceProcess service) {
        this.calls = calls;
        this.service = service;
    }

    /** Both figures, as one row each; also printed. */
    static List<Map<String, Object>> run(ServiceProcess service, ServiceCalls calls, long seed, int runs)
            throws Exception {
        DashboardPhase phase = new DashboardPhase(calls, service);
        return List.of(phase.overviewClicks(seed, runs), phase.firstLoads());
    }

    /** One click per run, each on another province (no answer warmed by the one before), years 2015–2024. */
    private Map<String, Object> overviewClicks(long seed, int runs) throws Exception {
        List<Region> provinces = new ArrayList<>(RegionDirectory.standard().all().stream()
                .filter(r -> r.level() == RegionLevel.PROVINCE)
                .toList());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = provinces.size() - 1; i > 0; i--) java.util.Collections.swap(provinces, i, random.nextInt(i + 1));
        JsonNode series = template().get("series");
        int from = 2015;
        int to = 2024;
        // the first visit: the page's own start (who am I, the catalogue, the sectors), then its first click
        long t0 = System.nanoTime();
        get("/api/tokens/me");
        CompletableFuture.allOf(async(() -> get("/api/metrics")), async(() -> get("/api/sectors")))
                .join();
        click(provinces.get(0).code(), series, from, to, true);
        double firstVisit = (System.nanoTime() - t0) / 1e6;
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            String province = provinces.get(1 + i % (provinces.size() - 1)).code();
            long t = System.nanoTime();
            click(province, series, from, to, false);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Latencies l = new Latencies(millis);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("figure", "overview of a province over 10 years, from the click (all its API calls)");
        row.put("runs", runs);
        row.put("p50_ms", l.p50());
        row.put("p95_ms", l.p95());
        row.put("first_visit_ms", firstVisit);
        row.put("budget_ms", 300);
        System.out.printf(
                "dashboard overview, province x 10 years: p50 %.1f ms, p95 %.1f ms (first visit %.1f ms; budget 300)%n",
                l.p50(), l.p95(), firstVisit);
        return row;
    }

    /**
     * What the page sends when a province is picked: the filter bar's region chain (the region, the province list on
     * the first visit, the province's cities) beside the overview's query (and its template on the first visit).
     */
    private void click(String province, JsonNode series, int from, int to, boolean firstVisit) {
        CompletableFuture<Void> filters = async(() -> {
            get("/api/regions/" + province);
            if (firstVisit) get("/api/regions");
            get("/api/regions?parent=" + province);
        });
        CompletableFuture<Void> page = async(() -> {
            if (firstVisit) get("/app/overview.json");
            post("/api/query", overviewBody(series, province, from, to));
        });
        CompletableFuture.allOf(filters, page).join();
    }

    /** The overview's query as pages/overview.js builds it: the template, regionCode, years [from - 1, to]. */
    private String overviewBody(JsonNode series, String province, int from, int to) {
        ObjectNode body = series.deepCopy();
        ObjectNode filters = body.putObject("filters");
        ArrayNode years = filters.putArray("years");
        years.add(Math.max(2008, from - 1)).add(to);
        filters.put("regionCode", province);
        return body.toString();
    }

    private JsonNode template() throws IOException {
        try (InputStream in = DashboardPhase.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) throw new IllegalStateException("missing " + TEMPLATE);
            return json.readTree(in);
        }
    }

    /** The page's first load, {@value #FIRST_LOADS} times, each on a client of its own (new connections). */
    private Map<String, Object> firstLoads() throws Exception {
        double[] millis = new double[FIRST_LOADS];
        long bytes = 0;
        int files = 0;
        for (int i = 0; i < FIRST_LOADS; i++) {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long t = System.nanoTime();
            Set<String> fetched = new LinkedHashSet<>();
            long[] size = {0};
            String html = fetch(client, "/", size);
            fetched.add("/");
            List<String> level = new ArrayList<>();
            Matcher m = HTML_REFERENCE.matcher(html);
            while (m.find()) if (fetched.add(m.group(1))) level.add(m.group(1));
            while (!level.isEmpty()) {
                List<CompletableFuture<Map.Entry<String, String>>> answers = new ArrayList<>();
                for (String path : level) {
                    answers.add(CompletableFuture.supplyAsync(() -> Map.entry(path, fetch(client, path, size))));
                }
                List<String> next = new ArrayList<>();
                for (var answer : answers) {
                    Map.Entry<String, String> e = answer.join();
                    if (!e.getKey().endsWith(".js") || e.getKey().startsWith("/_static/")) continue;
                    Matcher im = JS_IMPORT.matcher(e.getValue());
                    while (im.find()) {
                        String path =
                                URI.create(e.getKey()).resolve(im.group(1)).getPath();
                        if (fetched.add(path)) next.add(path);
                    }
                }
                level = next;
            }
            millis[i] = (System.nanoTime() - t) / 1e6;
            bytes = size[0];
            files = fetched.size();
        }
        Latencies l = new Latencies(millis);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("figure", "first load of the page (HTML, CSS, modules, ECharts), new connections, loopback");
        row.put("files", files);
        row.put("bytes", bytes);
        row.put("cold_ms", millis[0]);
        row.put("p50_ms", l.p50());
        row.put("p95_ms", l.p95());
        row.put("budget_ms", 1000);
        System.out.printf(
                "dashboard first load: %d files, %,d bytes: first %.1f ms, p50 %.1f ms, p95 %.1f ms (budget 1000)%n",
                files, bytes, millis[0], l.p50(), l.p95());
        return row;
    }

    /** A GET of the dashboard's files, as a browser sends it (no token: they are open). */
    private String fetch(HttpClient client, String path, long[] size) {
        try {
            HttpResponse<byte[]> r = client.send(
                    HttpRequest.newBuilder(service.uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) throw new IllegalStateException(path + " answered " + r.statusCode());
            synchronized (size) {
                size[0] += r.body().length;
            }
            return new String(r.body(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void get(String path) {
        try {
            HttpResponse<Void> r = calls.get(path, HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) throw new IllegalStateException(path + " answered " + r.statusCode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void post(String path, String body) {
        try {
            HttpResponse<String> r = calls.postJson(path, body, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200)
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<Void> async(Runnable call) {
        return CompletableFuture.runAsync(call);
    }
}
