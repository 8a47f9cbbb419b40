package org.gongkai.problems;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated requests over every endpoint the OpenAPI document lists, plus random paths and methods:
 * random JSON shapes, wrong types, huge numbers, NUL and lone surrogates, bad region codes, years and formats, broken
 * percent-encoding. Not one may answer 5xx, and every 4xx must be {@code application/problem+json} with a title and
 * a status. Deterministic: the seed is printed and can be set with {@code -Dgongkai.fuzz.seed=}.
 *
 * <p>It stores nothing other tests count: every body sent to a write carries an unknown field (refused whole), and
 * writes and deletes by id only name ids that cannot exist.
 */
@QuarkusTest
@Tag("database")
class FuzzTest {

    private static final int REQUESTS = Integer.getInteger("gongkai.fuzz.requests", 4000);
    private static final Duration BUDGET = Duration.ofSeconds(55);
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final List<String> KEYS = List.of(
            "metrics",
            "groupBy",
            "filters",
            "order",
            "limit",
            "offset",
            "regionCode",
            "years",
            "year",
            "format",
            "agency",
            "sector",
            "by",
            "dir",
            "name",
            "cron",
            "query",
            "view",
            "targetFolder",
            "keep",
            "figures",
            "value",
            "bound",
            "publishedOn",
            "sourceUrl",
            "params",
            "level",
            "metric");
    private static final List<String> WORDS = List.of(
            "requests.new.total",
            "yoy:requests.new.total",
            "outcome.granted.total",
            "rate.granted",
            "year",
            "province",
            "city",
            "county",
            "agency",
            "format",
            "sector",
            "2019",
            "2021",
            "narrative",
            "json",
            "csv",
            "xlsx",
            "asc",
            "desc",
            "110000",
            "220100",
            "999999",
            "12345",
            "0 0 * * * ?",
            "* * * * * ?",
            "教育局",
            "");
    private static final String PUNCTUATION = "/\\\"'%;<>{}[]&=?#";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** An operation from the OpenAPI document: method, path template, query parameter names. */
    record Operation(String method, String path, List<String> query) {}

    @Test
    void noGeneratedRequestAnswers5xxAndEveryErrorIsAProblem() throws Exception {
        long seed = Long.getLong("gongkai.fuzz.seed", 20261201L);
        System.out.println("FuzzTest seed " + seed + " (-Dgongkai.fuzz.seed=" + seed + " repeats this run)");
        Random random = new Random(seed);
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(20);

        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + BUDGET.toNanos();
        int sent = 0;
        for (; sent < REQUESTS && System.nanoTime() < deadline; sent++) {
            Operation op = random.nextInt(10) == 0
                    ? randomOperation(random)
                    : operations.get(random.nextInt(operations.size()));
            String method = random.nextInt(12) == 0 ? METHODS.get(random.nextInt(METHODS.size())) : op.method();
            String target = target(op, method, random);
            String type = contentType(random);
            String body = WRITES.contains(method) || random.nextInt(4) == 0 ? body(op, method, random) : null;
            RawHttp.Answer answer = send(method, target, type, body, random);
            byStatus.merge(answer.status(), 1, Integer::sum);
            String problem = judge(method, answer);
            if (problem != null && failures.size() < 20) {
                failures.add(method + " " + abbreviate(target) + " [" + type + "] " + abbreviate(String.valueOf(body))
                        + " → " + answer.status() + " " + answer.contentType() + " " + abbreviate(answer.body())
                        + ": " + problem);
            }
        }
        System.out.printf(
                "FuzzTest sent %d requests in %.1f s; answers by status: %s%n",
                sent, (System.nanoTime() - start) / 1e9, byStatus);
        assertThat(sent).as("requests sent within the time budget").isGreaterThanOrEqualTo(1000);
        assertThat(failures).as("answers that are 5xx or not problem+json").isEmpty();
    }

    private static String judge(String method, RawHttp.Answer a) {
        if (a.status() >= 500) return "a 5xx answer";
        if (a.status() < 400) return null;
        if (!a.contentType().startsWith(Problem.MEDIA_TYPE)) return "an error that is not problem+json";
        if (method.equals("HEAD")) return null;
        if (!a.body().contains("\"title\":") || !a.body().contains("\"status\":" + a.status())) {
            return "a problem without title or status";
        }
        for (String leak : List.of("Exception", "PSQL", "ERROR:", "java.", "at org.")) {
            if (a.body().contains(leak)) return "an answer that tells of the code behind it (" + leak + ")";
        }
        return null;
    }

    private List<Operation> operations() throws Exception {
        JsonNode doc = json.readTree(given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        List<Operation> out = new ArrayList<>();
        doc.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
                    List<String> query = new ArrayList<>();
                    m.getValue().path("parameters").forEach(p -> {
                        if ("query".equals(p.path("in").asText()))
                            query.add(p.path("name").asText());
                    });
                    out.add(new Operation(m.getKey().toUpperCase(), path.getKey(), query));
                }));
        return out;
    }

    private static Operation randomOperation(Random r) {
        String[] roots = {"/api/", "/api/reports/", "/api/views/", "/q/", "/", "/api/query/", "/api/export-runs/"};
        return new Operation(
                METHODS.get(r.nextInt(METHODS.size())),
                roots[r.nextInt(roots.length)] + encode(word(r)),
                List.of(KEYS.get(r.nextInt(KEYS.size()))));
    }

    private String target(Operation op, String method, Random r) {
        String path = op.path();
        while (path.contains("{")) {
            int open = path.indexOf('{');
            int close = path.indexOf('}', open);
            path = path.substring(0, open) + encode(id(method, r)) + path.substring(close + 1);
        }
        StringBuilder q = new StringBuilder();
        for (String name : op.query()) {
            if (r.nextInt(3) == 0) continue;
            q.append(q.isEmpty() ? '?' : '&').append(name).append('=').append(parameterValue(r));
        }
        if (r.nextInt(8) == 0)
            q.append(q.isEmpty() ? '?' : '&')
                    .append(encode(word(r)))
                    .append('=')
                    .append(parameterValue(r));
        return path + q;
    }

    /** Ids for reads may be anything; writes and deletes only name ids no row can have. */
    private static String id(String method, Random r) {
        List<String> impossible =
                List.of("-1", "0", "abc", "1;ls", "９", "99999999999999999999", "1e3", " ", "\u0000", "%");
        if (WRITES.contains(method) || r.nextBoolean()) return impossible.get(r.nextInt(impossible.size()));
        return String.valueOf(r.nextInt(50) + 1);
    }

    /** A query parameter's value, already percent-encoded, or on purpose not. */
    private static String parameterValue(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> "%00";
            case 1 -> "%ED%A0%80"; // a lone surrogate in UTF-8 form: not UTF-8
            case 2 -> "%zz";
            case 3 -> String.valueOf(r.nextLong());
            case 4 -> "99999999999999999999999";
            case 5 -> String.valueOf(1990 + r.nextInt(150));
            case 6 -> String.valueOf(r.nextInt(1_000_000));
            case 7 -> "-" + r.nextInt(5);
            case 8 -> encode(randomString(r));
            default -> encode(word(r));
        };
    }

    private static String word(Random r) {
        return WORDS.get(r.nextInt(WORDS.size()));
    }

    private static String randomString(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(3) == 0 ? r.nextInt(3000) : r.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(
                    switch (r.nextInt(6)) {
                        case 0 -> (char) ('a' + r.nextInt(26));
                        case 1 -> (char) (0x4e00 + r.nextInt(0x5000));
                        case 2 -> (char) r.nextInt(0x20);
                        case 3 -> PUNCTUATION.charAt(r.nextInt(PUNCTUATION.length()));
                        case 4 -> (char) ('0' + r.nextInt(10));
                        default -> ' ';
                    });
        }
        return sb.toString();
    }

    private static String contentType(Random r) {
        return switch (r.nextInt(14)) {
            case 0 -> "text/plain";
            case 1 -> "application/x-www-form-urlencoded";
            case 2 -> "multipart/form-data; boundary=x";
            case 3 -> "application/x-ndjson";
            case 4 -> "application/json; charset=gb18030";
            case 5 -> "application/octet-stream";
            case 6 -> "nonsense";
            default -> "application/json";
        };
    }

    /** A body: random JSON, a mutated query, broken JSON or not JSON; for writes always refused whole. */
    private String body(Operation op, String method, Random r) throws Exception {
        Object value =
                switch (r.nextInt(5)) {
                    case 0 -> randomJson(r, 0);
                    case 1, 2 -> mutatedQuery(r);
                    case 3 -> randomObject(r, 0);
                    default -> null;
                };
        String text;
        if (value == null) {
            String[] broken = {
                "",
                "{",
                "[1,",
                "{\"metrics\": [\"a\"",
                "nul",
                "{\"a\":1}{",
                "\"\\ud800\"",
                "{\"x\": \"\\u0000\"}",
                "1e99999",
                "{\"limit\": 1" + "0".repeat(400) + "}",
                "\u0000",
                "[".repeat(5000)
            };
            text = broken[r.nextInt(broken.length)];
        } else {
            if (WRITES.contains(method) && value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) map;
                m.put("fuzz", true); // an unknown field: every write reader refuses the whole body
            }
            text = json.writeValueAsString(value);
            if (WRITES.contains(method) && !(value instanceof Map<?, ?>)) text = "{\"fuzz\": " + text + "}";
        }
        // JSON escapes that reach the service as NUL and lone surrogates
        if (r.nextInt(6) == 0) text = text.replaceFirst("\"([^\"]*)\"", "\"$1\\\\u0000\"");
        if (r.nextInt(8) == 0) text = text.replaceFirst("\"([^\"]*)\"", "\"$1\\\\udc00\"");
        if (op.path().endsWith("/bulk")) text = text.replace('\n', ' ') + "\n" + text.replace('\n', ' ');
        return text;
    }

    private Map<String, Object> mutatedQuery(Random r) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("metrics", r.nextInt(10) == 0 ? repeat(word(r), r.nextInt(700)) : List.of(word(r), word(r)));
        if (r.nextBoolean()) q.put("groupBy", List.of(word(r), word(r)).subList(0, 1 + r.nextInt(2)));
        if (r.nextBoolean()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put(KEYS.get(r.nextInt(KEYS.size())), randomJson(r, 2));
            if (r.nextBoolean()) f.put("regionCode", word(r));
            if (r.nextBoolean()) f.put("years", List.of(1990 + r.nextInt(150), 1990 + r.nextInt(150)));
            q.put("filters", f);
        }
        if (r.nextBoolean()) q.put("limit", r.nextInt(4) == 0 ? (Object) Long.MAX_VALUE : r.nextInt(200_000) - 10);
        if (r.nextBoolean()) q.put("offset", r.nextInt(3) == 0 ? (Object) (-r.nextInt(9)) : r.nextInt(100));
        if (r.nextBoolean()) q.put("order", List.of(Map.of("by", word(r), "dir", word(r))));
        if (r.nextInt(4) == 0) q.put(KEYS.get(r.nextInt(KEYS.size())), randomJson(r, 1));
        return q;
    }

    private static List<String> repeat(String w, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(w);
        return out;
    }

    private Object randomJson(Random r, int depth) {
        int pick = depth > 3 ? r.nextInt(6) : r.nextInt(9);
        return switch (pick) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2 -> r.nextInt();
            case 3 -> new java.math.BigInteger(200, r);
            case 4 -> r.nextDouble() * Math.pow(10, r.nextInt(300));
            case 5 -> r.nextBoolean() ? word(r) : randomString(r);
            case 6 -> randomObject(r, depth + 1);
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(5); i > 0; i--) list.add(randomJson(r, depth + 1));
                yield list;
            }
        };
    }

    private Map<String, Object> randomObject(Random r, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = r.nextInt(5); i > 0; i--) {
            m.put(r.nextInt(4) == 0 ? randomString(r) : KEYS.get(r.nextInt(KEYS.size())), randomJson(r, depth + 1));
        }
        return m;
    }

    /** Well-formed targets through java.net.http; what it refuses to send, byte by byte. */
    private RawHttp.Answer send(String method, String target, String type, String body, Random r) throws Exception {
        boolean clean =
                !target.contains("%zz") && !target.contains("%ED") && !target.contains("%00") && r.nextInt(10) != 0;
        if (!clean || method.equals("PATCH") && r.nextBoolean()) {
            return RawHttp.send(method, target, type, body == null ? "" : body);
        }
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + target))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer test-admin-token")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) b.header("Content-Type", type);
            HttpResponse<String> resp =
                    http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new RawHttp.Answer(
                    resp.statusCode(),
                    Map.of(
                            "content-type",
                            resp.headers().firstValue("content-type").orElse("")),
                    resp.body());
        } catch (IllegalArgumentException refusedByTheClient) {
            return RawHttp.send(method, target, type, body == null ? "" : body);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…(" + s.length() + ")";
    }
}
