package org.gongkai.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongkai.canonical.ReportFormat;

/**
 * The one catalogue of metric keys (FORMAT.md), read from {@code metrics/catalogue.json}. Parsing, validation,
 * queries, exports and {@code GET /api/metrics} all read it; nothing else lists metric keys.
 */
public final class MetricCatalogue {

    private static final String RESOURCE = "/metrics/catalogue.json";
    private static final Set<ReportFormat> TABLE_FORMATS = EnumSet.of(ReportFormat.F2019, ReportFormat.F2021);
    private static volatile MetricCatalogue standard;

    private final Map<String, Metric> metrics;
    private final Map<String, List<Metric>> rows;
    private final List<CheckRule> checks;
    private final Map<String, List<String>> views;
    private final Sections sections;

    /**
     * The catalogue's data beside the metrics: request rows by role, clauses by proactive row, prose statements,
     * annex rows and the bench's metric lists.
     */
    private record Sections(
            Map<String, List<String>> rowsByRole,
            Map<String, String> clauses,
            Map<String, String> prose,
            ProseKeys proseKeys,
            List<AnnexRow> annex,
            Map<String, List<String>> benchmark) {}

    private MetricCatalogue(
            List<Metric> all, List<CheckRule> checks, Map<String, List<String>> views, Sections sections) {
        this.checks = List.copyOf(checks);
        this.views = Map.copyOf(views);
        this.sections = sections;
        java.util.Set<String> keys = all.stream().map(Metric::key).collect(Collectors.toSet());
        java.util.Set<String> rowKeys = all.stream().map(Metric::row).collect(Collectors.toSet());
        requireKnown(keys, "a view", views.values().stream().flatMap(List::stream));
        requireKnown(keys, "the prose section", sections.prose().values().stream());
        requireKnown(
                rowKeys, "the prose section's documentKinds", sections.proseKeys().documentKinds().values().stream());
        requireKnown(
                keys,
                "the annex section",
                sections.annex().stream()
                        .flatMap(r -> java.util.stream.Stream.of(r.metric(), r.partOf()))
                        .filter(java.util.Objects::nonNull));
        requireKnown(
                keys,
                "the benchmark section",
                sections.benchmark().values().stream().flatMap(List::stream));
        Map<String, Metric> byKey = new LinkedHashMap<>();
        for (Metric m : all) {
            if (byKey.put(m.key(), m) != null) throw new IllegalStateException("duplicate metric key " + m.key());
        }
        this.metrics = java.util.Collections.unmodifiableMap(byKey);
        this.rows = all.stream()
                .collect(Collectors.groupingBy(Metric::row, LinkedHashMap::new, Collectors.toUnmodifiableList()));
    }

    /** The catalogue shipped with Gongkai. */
    public static MetricCatalogue standard() {
        if (standard == null) {
            synchronized (MetricCatalogue.class) {
                if (standard == null) standard = load();
            }
        }
        return standard;
    }

    public Collection<Metric> all() {
        return metrics.values();
    }

    public Optional<Metric> find(String key) {
        return Optional.ofNullable(metrics.get(key));
    }

    public Metric get(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("unknown metric " + key));
    }

    /** The metrics of one table row, in column order (`outcome.granted` → its seven applicant columns). */
    public List<Metric> row(String rowKey) {
        return rows.getOrDefault(rowKey, List.of());
    }

    /** Row keys in table order. */
    public Set<String> rowKeys() {
        return rows.keySet();
    }

    /** The cross-checks (勾稽关系), one per row or column they apply to, in the catalogue's order. */
    public List<CheckRule> checks() {
        return checks;
    }

    /** The metrics of a named dashboard view ({@code request-outcomes}, …), in column order. */
    public List<String> viewMetrics(String view) {
        List<String> keys = views.get(view);
        if (keys == null) throw new IllegalArgumentException("the catalogue has no view " + view);
        return keys;
    }

    /**
     * The request-table rows with this role in the flow of requests ({@code new}, {@code carried_over}, {@code
     * outcome}: the top-level outcome rows, {@code handled}, {@code carried_forward}), in table order.
     */
    public List<String> rowsWithRole(String role) {
        List<String> rows = sections.rowsByRole().get(role);
        if (rows == null) throw new IllegalArgumentException("no request row has the role " + role);
        return rows;
    }

    /** The one request row with this role ({@code new}, {@code handled}, …). */
    public String rowWithRole(String role) {
        List<String> rows = rowsWithRole(role);
        if (rows.size() != 1) throw new IllegalStateException(rows.size() + " request rows have the role " + role);
        return rows.get(0);
    }

    /** The clause of the regulations (第二十条第（一）项) a proactive row reports on, if the catalogue names one. */
    public Optional<String> clause(String row) {
        return Optional.ofNullable(sections.clauses().get(row));
    }

    /** The metric each statement of the prose reader and the renderer fills ({@code received} → requests.new.total). */
    public ProseKeys proseKeys() {
        return sections.proseKeys();
    }

    /** The rows of the pre-2019 statistics annex, in the order they must be tried. */
    public List<AnnexRow> annexRows() {
        return sections.annex();
    }

    /** The metrics one query shape of {@code gongkai bench} asks for. */
    public List<String> benchmarkMetrics(String shape) {
        List<String> keys = sections.benchmark().get(shape);
        if (keys == null) throw new IllegalArgumentException("the catalogue has no benchmark shape " + shape);
        return keys;
    }

    /** Cells a complete report of this format prints, in table order. Narrative reports print none. */
    public List<Metric> printedCells(ReportFormat format) {
        return metrics.values().stream().filter(m -> m.isPrintedCellOf(format)).toList();
    }

    // ---------------------------------------------------------------- loading

    private static MetricCatalogue load() {
        try (InputStream in = MetricCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing " + RESOURCE);
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, List<String>> views = new LinkedHashMap<>();
            root.get("views").fields().forEachRemaining(v -> views.put(v.getKey(), strings(v.getValue())));
            return new MetricCatalogue(expand(root), checks(root), views, sections(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Metric> expand(JsonNode root) {
        List<Metric> out = new ArrayList<>();
        expandProactive(root.get("proactive"), out);
        for (JsonNode s : root.get("single")) {
            out.add(new Metric(
                    text(s, "key"),
                    text(s, "zh"),
                    text(s, "en"),
                    text(s, "section"),
                    text(s, "unit"),
                    aggregation(text(s, "aggregation")),
                    formats(s.get("formats")),
                    MetricKind.PROSE,
                    null,
                    text(s, "key"),
                    null,
                    text(s, "zh"),
                    Map.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    Set.of(),
                    text(s, "note")));
        }
        expandGrid(root, "requests", "requests", out);
        expandGrid(root, "appeals", "appeals", out);
        for (JsonNode d : root.get("derived")) {
            out.add(new Metric(
                    text(d, "key"),
                    text(d, "zh"),
                    text(d, "en"),
                    "derived",
                    "ratio",
                    Aggregation.RATIO,
                    TABLE_FORMATS,
                    MetricKind.RATE,
                    text(d, "formula"),
                    text(d, "key"),
                    null,
                    text(d, "zh"),
                    Map.of(),
                    List.of(),
                    List.of(),
                    strings(d.get("numerator")),
                    strings(d.get("denominator")),
                    Set.of(),
                    null));
        }
        return out;
    }

    private static void expandProactive(JsonNode rowsNode, List<Metric> out) {
        Map<String, JsonNode> columnsByRow = new LinkedHashMap<>();
        for (JsonNode r : rowsNode) {
            String rowKey = text(r, "row");
            JsonNode cols = r.get("columns");
            if (cols.isTextual()) cols = columnsByRow.get(cols.asText().substring(1));
            columnsByRow.put(rowKey, cols);
            Set<ReportFormat> rowFormats = r.has("formats") ? formats(r.get("formats")) : TABLE_FORMATS;
            for (JsonNode c : cols) {
                Set<ReportFormat> f = EnumSet.copyOf(formats(c.get("formats")));
                f.retainAll(rowFormats);
                if (f.isEmpty()) continue;
                Map<ReportFormat, String> labels = new EnumMap<>(ReportFormat.class);
                if (c.has("zh2019")) labels.put(ReportFormat.F2019, text(c, "zh2019"));
                if (c.has("zh2021")) labels.put(ReportFormat.F2021, text(c, "zh2021"));
                String columnZh = labels.getOrDefault(ReportFormat.F2021, labels.get(ReportFormat.F2019));
                String note =
                        f.contains(ReportFormat.F2019) && f.contains(ReportFormat.F2021) ? text(c, "note2019") : null;
                out.add(new Metric(
                        rowKey + "." + text(c, "key"),
                        text(r, "zh") + "·" + columnZh,
                        text(r, "en") + " — " + text(c, "en"),
                        "proactive",
                        text(c, "unit"),
                        aggregation(text(c, "aggregation")),
                        f,
                        MetricKind.CELL,
                        null,
                        rowKey,
                        text(c, "key"),
                        text(r, "zh"),
                        labels,
                        strings(r.get("aliases")),
                        List.of(),
                        List.of(),
                        List.of(),
                        Set.of(),
                        note));
            }
        }
    }

    /** Sections 三 and 四: every row × every column of a fixed column set. */
    private static void expandGrid(JsonNode root, String name, String section, List<Metric> out) {
        JsonNode grid = root.get(name);
        JsonNode columns = root.get("columnSets").get(text(grid, "columns"));
        Map<String, List<String>> childrenByParent = new LinkedHashMap<>();
        for (JsonNode r : grid.get("rows")) {
            if (r.has("parent")) {
                childrenByParent
                        .computeIfAbsent(text(r, "parent"), k -> new ArrayList<>())
                        .add(text(r, "row"));
            }
        }
        for (JsonNode r : grid.get("rows")) {
            String rowKey = text(r, "row");
            Set<ReportFormat> rowFormats = r.has("formats") ? formats(r.get("formats")) : TABLE_FORMATS;
            boolean subtotal = r.path("subtotal").asBoolean(false);
            Set<ReportFormat> componentsIn = subtotal
                    ? TABLE_FORMATS
                    : (r.has("subtotalFormats") ? formats(r.get("subtotalFormats")) : Set.of());
            List<String> childRows = childrenByParent.getOrDefault(rowKey, List.of());
            String rowLabel = r.has("label") ? text(r, "label") : text(r, "zh");
            for (JsonNode c : columns) {
                String col = text(c, "key");
                List<String> components =
                        childRows.stream().map(child -> child + "." + col).toList();
                Map<ReportFormat, String> labels = new EnumMap<>(ReportFormat.class);
                rowFormats.forEach(f -> labels.put(f, text(c, "zh")));
                out.add(new Metric(
                        rowKey + "." + col,
                        text(r, "zh") + "·" + text(c, "zh"),
                        text(r, "en") + " — " + text(c, "en"),
                        section,
                        "requests".equals(section) ? "requests" : "cases",
                        Aggregation.SUM,
                        rowFormats,
                        subtotal ? MetricKind.SUBTOTAL : MetricKind.CELL,
                        components.isEmpty() ? null : String.join(" + ", components),
                        rowKey,
                        col,
                        rowLabel,
                        labels,
                        strings(r.get("aliases")),
                        strings(c.get("aliases")),
                        components,
                        List.of(),
                        componentsIn,
                        null));
            }
        }
    }

    /**
     * The catalogue's {@code checks}, expanded: {@code each: column} runs once per column of its table (the sum of
     * the {@code left} rows equals the sum of the {@code right} rows); {@code each: row} runs once per row of its
     * table (the columns other than {@code total} sum to {@code total}); {@code {row}} in a rule's name is the row.
     */
    private static List<CheckRule> checks(JsonNode root) {
        List<CheckRule> out = new ArrayList<>();
        for (JsonNode c : root.get("checks")) {
            JsonNode grid = root.get(text(c, "table"));
            List<String> columns = new ArrayList<>();
            root.get("columnSets").get(text(grid, "columns")).forEach(col -> columns.add(text(col, "key")));
            String relation = text(c, "relation");
            switch (text(c, "each")) {
                case "column" -> {
                    for (String col : columns)
                        out.add(new CheckRule(
                                text(c, "rule"),
                                text(c, "row"),
                                col,
                                strings(c.get("left")).stream()
                                        .map(r -> r + "." + col)
                                        .toList(),
                                strings(c.get("right")).stream()
                                        .map(r -> r + "." + col)
                                        .toList(),
                                relation));
                }
                case "row" -> {
                    List<String> parts =
                            columns.stream().filter(col -> !col.equals("total")).toList();
                    for (JsonNode r : grid.get("rows")) {
                        String row = text(r, "row");
                        out.add(new CheckRule(
                                text(c, "rule").replace("{row}", row),
                                row,
                                "total",
                                parts.stream().map(col -> row + "." + col).toList(),
                                List.of(row + ".total"),
                                relation));
                    }
                }
                default -> throw new IllegalStateException("unknown check kind " + text(c, "each"));
            }
        }
        return out;
    }

    private static Sections sections(JsonNode root) {
        Map<String, List<String>> rowsByRole = new LinkedHashMap<>();
        for (JsonNode r : root.get("requests").get("rows")) {
            if (r.has("role"))
                rowsByRole
                        .computeIfAbsent(text(r, "role"), k -> new ArrayList<>())
                        .add(text(r, "row"));
        }
        rowsByRole.replaceAll((role, rows) -> List.copyOf(rows));
        Map<String, String> clauses = new LinkedHashMap<>();
        for (JsonNode r : root.get("proactive")) {
            if (r.has("clause")) clauses.put(text(r, "row"), text(r, "clause"));
        }
        Map<String, String> prose = new LinkedHashMap<>();
        Map<String, String> documentKinds = new LinkedHashMap<>();
        root.get("prose").fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) prose.put(e.getKey(), e.getValue().asText());
        });
        root.get("prose")
                .get("documentKinds")
                .fields()
                .forEachRemaining(
                        e -> documentKinds.put(e.getKey(), e.getValue().asText()));
        List<AnnexRow> annex = new ArrayList<>();
        for (JsonNode r : root.get("annex"))
            annex.add(new AnnexRow(text(r, "metric"), text(r, "partOf"), strings(r.get("endings"))));
        Map<String, List<String>> benchmark = new LinkedHashMap<>();
        root.get("benchmark").fields().forEachRemaining(e -> benchmark.put(e.getKey(), strings(e.getValue())));
        return new Sections(
                Map.copyOf(rowsByRole),
                Map.copyOf(clauses),
                Map.copyOf(prose),
                ProseKeys.from(prose, java.util.Collections.unmodifiableMap(documentKinds)),
                List.copyOf(annex),
                Map.copyOf(benchmark));
    }

    private static void requireKnown(Set<String> known, String where, java.util.stream.Stream<String> names) {
        names.forEach(k -> {
            if (!known.contains(k)) throw new IllegalStateException(where + " names the unknown metric " + k);
        });
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        if (array == null) return List.of();
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Set<ReportFormat> formats(JsonNode array) {
        Set<ReportFormat> out = EnumSet.noneOf(ReportFormat.class);
        array.forEach(n -> out.add(ReportFormat.fromCode(n.asText()).orElseThrow()));
        return out;
    }

    private static Aggregation aggregation(String code) {
        return switch (code) {
            case "sum" -> Aggregation.SUM;
            case "stock" -> Aggregation.STOCK;
            default -> Aggregation.RATIO;
        };
    }
}
