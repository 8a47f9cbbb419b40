package org.gongkai.exports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;
import org.gongkai.queries.Coverage;
import org.gongkai.queries.QueryEngine;
import org.gongkai.queries.QuerySpec;

/**
 * The one entry point for exports: a query, a computed result or a named view, written as CSV or XLSX to a stream.
 * Rows go from the query engine's cursor straight into the file writer, so memory stays flat.
 */
@ApplicationScoped
public class Exporter {

    @Inject
    QueryEngine engine;

    @Inject
    MetricCatalogue catalogue;

    @Inject
    Instance<ExportView> views;

    private final ObjectMapper json = new ObjectMapper();

    /** Refuses a query the engine would refuse (4xx problem), before a response starts streaming. */
    public void validate(QuerySpec spec) {
        engine.plan(spec);
    }

    /** Streams the answer to {@code spec} into {@code out} (left open). */
    public ExportOutcome write(QuerySpec spec, ExportFormat format, OutputStream out) {
        TableWriter writer = format.open(out, catalogue);
        Coverage coverage = engine.stream(spec, writer);
        writer.finish(ExportSources.of("query", requestJson(spec), coverage));
        return new ExportOutcome(writer.rows(), coverage);
    }

    /** The view of that name, or 422 naming {@code pointer}. */
    public ExportView view(String name, String pointer) {
        for (ExportView v : views) {
            if (v.name().equals(name)) return v;
        }
        throw ProblemException.invalid(List.of(new FieldError(
                pointer,
                "unknown view \"" + name + "\"; known: "
                        + views.stream().map(ExportView::name).toList())));
    }

    public ExportOutcome writeView(String name, JsonNode params, ExportFormat format, OutputStream out) {
        return view(name, "/view/name").write(params, format, out);
    }

    /** The query as the JSON body {@code POST /api/query} takes, for the sources sheet and schedules. */
    public String requestJson(QuerySpec spec) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metrics", spec.metrics());
        if (!spec.groupBy().isEmpty()) body.put("groupBy", spec.groupBy());
        Map<String, Object> filters = new LinkedHashMap<>();
        var f = spec.filters();
        if (f.regionCode() != null) filters.put("regionCode", f.regionCode());
        if (f.yearFrom() != null || f.yearTo() != null)
            filters.put("years", java.util.Arrays.asList(f.yearFrom(), f.yearTo()));
        if (!f.formats().isEmpty()) filters.put("format", f.formats());
        if (f.agency() != null) filters.put("agency", f.agency());
        if (f.sector() != null) filters.put("sector", f.sector());
        if (!filters.isEmpty()) body.put("filters", filters);
        if (!spec.order().isEmpty()) body.put("order", spec.order());
        body.put("limit", spec.limit());
        body.put("offset", spec.offset());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "gongkai-query-20250301-080000.xlsx" */
    public static String fileName(String what, ExportFormat format, Instant at) {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneOffset.UTC)
                .format(at);
        return "gongkai-" + what + "-" + stamp + "." + format.extension();
    }
}
