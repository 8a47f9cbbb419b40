package org.gongkai.queries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;

/**
 * Reads a query from its JSON body (API.md) or from the same parameters in a query string, naming every bad field.
 * Query strings: {@code metrics=a,b&groupBy=year,province&regionCode=&years=2019,2024&format=2021&agency=&sector=
 * &order=requests.new.total:desc&limit=&offset=}.
 */
public final class QueryRequestReader {

    public static final int DEFAULT_LIMIT = 100;
    private static final Set<String> TOP = Set.of("metrics", "groupBy", "filters", "order", "limit", "offset");
    private static final Set<String> FILTERS = Set.of("regionCode", "years", "year", "format", "agency", "sector");
    private final ObjectMapper json = JsonMapper.builder().build();

    public QuerySpec read(String body) {
        return read(parse(body));
    }

    /** The body as a JSON object, or a 400 saying why it is not one. */
    public JsonNode parse(String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(
                    ProblemException.Kind.MALFORMED,
                    "malformed-json",
                    "Malformed JSON",
                    "the body is not valid JSON: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    List.of());
        }
        if (root == null || !root.isObject())
            throw invalidQuery(List.of(new FieldError("", "the body must be a JSON object")));
        return root;
    }

    public QuerySpec read(JsonNode root) {
        List<FieldError> errors = new ArrayList<>();
        root.fieldNames().forEachRemaining(n -> {
            if (!TOP.contains(n)) errors.add(new FieldError("/" + n, "unknown field"));
        });
        List<String> metrics = strings(root.get("metrics"), "/metrics", errors);
        List<String> groupBy = strings(root.get("groupBy"), "/groupBy", errors);
        QueryFilters filters = QueryFilters.NONE;
        JsonNode f = root.get("filters");
        if (f != null && !f.isNull()) {
            if (!f.isObject()) {
                errors.add(new FieldError("/filters", "must be an object"));
            } else {
                f.fieldNames().forEachRemaining(n -> {
                    if (!FILTERS.contains(n)) errors.add(new FieldError("/filters/" + n, "unknown filter"));
                });
                filters = filters(f, errors);
            }
        }
        List<QuerySpec.Order> order = new ArrayList<>();
        JsonNode o = root.get("order");
        if (o != null && !o.isNull()) {
            if (!o.isArray()) errors.add(new FieldError("/order", "must be an array of {by, dir}"));
            else {
                for (int i = 0; i < o.size(); i++) {
                    JsonNode term = o.get(i);
                    if (!term.isObject() || !term.path("by").isTextual()) {
                        errors.add(new FieldError("/order/" + i, "must be {\"by\": key, \"dir\": \"asc\"|\"desc\"}"));
                    } else if (hasNul(term.get("by").asText())
                            || hasNul(term.path("dir").asText(""))) {
                        errors.add(new FieldError("/order/" + i, NUL));
                    } else {
                        order.add(new QuerySpec.Order(
                                term.get("by").asText(), term.path("dir").asText("asc")));
                    }
                }
            }
        }
        int limit = integer(root.get("limit"), "/limit", DEFAULT_LIMIT, errors);
        int offset = integer(root.get("offset"), "/offset", 0, errors);
        if (!errors.isEmpty()) throw invalidQuery(errors);
        return new QuerySpec(metrics, groupBy, filters, order, limit, offset);
    }

    public QuerySpec read(Map<String, List<String>> params) {
        List<FieldError> errors = new ArrayList<>();
        List<String> metrics = list(params, "metrics");
        List<String> groupBy = list(params, "groupBy");
        List<Integer> years = new ArrayList<>();
        for (String y : concat(list(params, "years"), list(params, "year"))) {
            try {
                years.add(Integer.parseInt(y));
            } catch (NumberFormatException e) {
                errors.add(new FieldError("years", "not a year: " + y));
            }
        }
        List<QuerySpec.Order> order = new ArrayList<>();
        for (String term : list(params, "order")) {
            String[] parts = term.split(":", 2);
            order.add(new QuerySpec.Order(parts[0], parts.length > 1 ? parts[1] : "asc"));
        }
        int limit = parse(first(params, "limit"), "limit", DEFAULT_LIMIT, errors);
        int offset = parse(first(params, "offset"), "offset", 0, errors);
        if (years.size() > 2) errors.add(new FieldError("years", "give one year or a range [from, to]"));
        if (!errors.isEmpty()) throw invalidQuery(errors);
        Integer from = years.isEmpty() ? null : years.get(0);
        Integer to = years.isEmpty() ? null : years.get(years.size() - 1);
        QueryFilters filters = new QueryFilters(
                first(params, "regionCode"),
                from,
                to,
                list(params, "format"),
                first(params, "agency"),
                first(params, "sector"));
        return new QuerySpec(metrics, groupBy, filters, order, limit, offset);
    }

    private static QueryFilters filters(JsonNode f, List<FieldError> errors) {
        String region = null;
        JsonNode r = f.get("regionCode");
        if (r != null && !r.isNull()) {
            // the code itself is checked by QueryPlanner, which every query, view and export passes
            region = text(r, "/filters/regionCode", errors);
        }
        Integer from = null;
        Integer to = null;
        JsonNode years = f.has("years") ? f.get("years") : f.get("year");
        String yp = f.has("years") ? "/filters/years" : "/filters/year";
        if (years != null && !years.isNull()) {
            if (years.isInt()) {
                from = to = years.asInt();
            } else if (years.isArray()
                    && years.size() >= 1
                    && years.size() <= 2
                    && years.get(0).isInt()
                    && years.get(years.size() - 1).isInt()) {
                from = years.get(0).asInt();
                to = years.get(years.size() - 1).asInt();
            } else {
                errors.add(new FieldError(yp, "must be a year or a range [from, to]"));
            }
        }
        List<String> formats = new ArrayList<>();
        JsonNode fm = f.get("format");
        if (fm != null && !fm.isNull()) {
            if (fm.isTextual()) formats.add(fm.asText());
            else formats.addAll(strings(fm, "/filters/format", errors));
        }
        String agency = text(f.get("agency"), "/filters/agency", errors);
        String sector = text(f.get("sector"), "/filters/sector", errors);
        return new QueryFilters(region, from, to, formats, agency, sector);
    }

    private static List<String> strings(JsonNode node, String pointer, List<FieldError> errors) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) return out;
        if (!node.isArray()) {
            errors.add(new FieldError(pointer, "must be an array of strings"));
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) errors.add(new FieldError(pointer + "/" + i, "must be a string"));
            else if (hasNul(node.get(i).asText())) errors.add(new FieldError(pointer + "/" + i, NUL));
            else out.add(node.get(i).asText());
        }
        return out;
    }

    private static String text(JsonNode node, String pointer, List<FieldError> errors) {
        if (node == null || node.isNull()) return null;
        if (!node.isTextual()) {
            errors.add(new FieldError(pointer, "must be a string"));
            return null;
        }
        if (hasNul(node.asText())) {
            errors.add(new FieldError(pointer, NUL));
            return null;
        }
        return node.asText();
    }

    private static int integer(JsonNode node, String pointer, int fallback, List<FieldError> errors) {
        if (node == null || node.isNull()) return fallback;
        if (!node.isInt()) {
            errors.add(new FieldError(pointer, "must be an integer"));
            return fallback;
        }
        return node.asInt();
    }

    private static int parse(String value, String name, int fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) return fallback;
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be an integer"));
            return fallback;
        }
    }

    private static List<String> list(Map<String, List<String>> params, String name) {
        return params.getOrDefault(name, List.of()).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() || v.get(0).isBlank() ? null : v.get(0).trim();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** PostgreSQL can neither store nor compare U+0000: a string holding it is refused here, naming its field. */
    private static final String NUL = "must not contain the NUL character (U+0000)";

    private static boolean hasNul(String s) {
        return s.indexOf('\0') >= 0;
    }

    /** The 400 of a query that cannot be read, naming its first error and listing all (the planner's too). */
    static ProblemException invalidQuery(List<FieldError> errors) {
        return new ProblemException(
                ProblemException.Kind.MALFORMED,
                "invalid-query",
                "Invalid query",
                errors.get(0).pointer() + ": " + errors.get(0).message(),
                errors);
    }
}
