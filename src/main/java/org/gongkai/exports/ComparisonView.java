package org.gongkai.exports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;
import org.gongkai.queries.Coverage;
import org.gongkai.queries.QueryEngine;
import org.gongkai.queries.QueryPlanner;
import org.gongkai.queries.QueryRequestReader;
import org.gongkai.queries.QuerySpec;
import org.gongkai.replicas.ReadConnections;

/**
 * The comparison export (年报对比表): one row per agency or region, the chosen metrics for each year in columns, the
 * change on the previous year, and cells whose reports fail cross-checks (勾稽关系) marked. Request:
 * {@code {"metrics": [...], "rows": "agency|province|city|county", "filters": {...}, "years": [from, to]}}.
 */
@ApplicationScoped
public class ComparisonView implements ExportView {

    static final Set<String> ROWS = Set.of("agency", "province", "city", "county");
    static final int MAX_YEARS = 30;
    private static final Set<String> FIELDS = Set.of("metrics", "rows", "filters", "years");

    @Inject
    QueryEngine engine;

    @Inject
    MetricCatalogue catalogue;

    @Inject
    ReadConnections dataSource;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String name() {
        return "comparison";
    }

    /** A comparison request as checked values. */
    record Request(List<String> metrics, String rows, int yearFrom, int yearTo, QuerySpec spec) {}

    @Override
    public void validate(JsonNode params) {
        read(params);
    }

    Request read(JsonNode params) {
        if (params == null || !params.isObject()) throw ProblemException.invalid("", "must be a JSON object");
        List<FieldError> errors = new ArrayList<>();
        params.fieldNames().forEachRemaining(n -> {
            if (!FIELDS.contains(n)) errors.add(new FieldError("/" + n, "unknown field"));
        });
        JsonNode rows = params.get("rows");
        if (rows == null || !rows.isTextual() || !ROWS.contains(rows.asText())) {
            errors.add(new FieldError("/rows", "must be one of agency, province, city, county"));
        }
        JsonNode metrics = params.get("metrics");
        if (metrics == null || !metrics.isArray() || metrics.isEmpty()) {
            errors.add(new FieldError("/metrics", "must be a non-empty array of metric keys"));
        }
        JsonNode years = params.get("years");
        int from = 0;
        int to = 0;
        if (years == null
                || !years.isArray()
                || years.size() != 2
                || !years.get(0).isInt()
                || !years.get(1).isInt()) {
            errors.add(new FieldError("/years", "must be [from, to]"));
        } else {
            from = years.get(0).asInt();
            to = years.get(1).asInt();
            if (from > to) errors.add(new FieldError("/years", "from must not be after to"));
            else if (to - from + 1 > MAX_YEARS)
                errors.add(new FieldError("/years", "at most " + MAX_YEARS + " years side by side"));
        }
        JsonNode filters = params.get("filters");
        if (filters != null && !filters.isNull() && !filters.isObject()) {
            errors.add(new FieldError("/filters", "must be an object"));
        } else if (filters != null && (filters.has("years") || filters.has("year"))) {
            errors.add(new FieldError("/filters/years", "give the years at the top level: \"years\": [from, to]"));
        }
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);

        // the engine reads and checks the rest exactly as for POST /api/query
        ObjectNode query = json.createObjectNode();
        query.set("metrics", metrics);
        query.putArray("groupBy").add(rows.asText()).add("year");
        ObjectNode f = filters == null || filters.isNull() ? json.createObjectNode() : filters.deepCopy();
        ArrayNode range = f.putArray("years");
        range.add(from).add(to);
        query.set("filters", f);
        query.put("limit", QueryPlanner.MAX_LIMIT);
        QuerySpec spec = new QueryRequestReader().read(query);
        engine.plan(spec);
        List<String> keys = new ArrayList<>();
        metrics.forEach(m -> keys.add(m.asText()));
        return new Request(keys, rows.asText(), from, to, spec);
    }

    @Override
    public ExportOutcome write(JsonNode params, ExportFormat format, OutputStream out) {
        Request request = read(params);
        Map<String, String> findings;
        List<ExportSources.ReportRevision> reports;
        long omitted;
        ComparisonReports lookup = new ComparisonReports(request);
        try (Connection c = dataSource.getConnection()) {
            findings = lookup.failedChecks(c);
            reports = lookup.reports(c);
            omitted = lookup.reportsOmitted();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the reports behind a comparison: " + e.getMessage(), e);
        }
        TableWriter writer = format.open(out, catalogue);
        ComparisonPivot pivot = new ComparisonPivot(request, findings, writer);
        Coverage coverage = engine.stream(request.spec(), pivot);
        pivot.finish();
        writer.finish(
                new ExportSources("年报对比表 comparison", params.toString(), Instant.now(), coverage, reports, omitted));
        return new ExportOutcome(writer.rows(), coverage);
    }
}
