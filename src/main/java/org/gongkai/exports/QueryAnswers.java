package org.gongkai.exports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.config.GongkaiConfig;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;
import org.gongkai.queries.QueryEngine;
import org.gongkai.queries.QuerySpec;

/**
 * Answers a query or a named view in the format asked: JSON by default, or a CSV/XLSX download of exactly the same
 * rows ({@code format=csv|xlsx}), so every view can be exported.
 */
@ApplicationScoped
public class QueryAnswers {

    /** The values of {@code format} that choose the answer's format; others filter reports by their format. */
    public static final Set<String> OUTPUT_FORMATS = Set.of("json", "csv", "xlsx");

    @Inject
    QueryEngine engine;

    @Inject
    Exporter exporter;

    @Inject
    GongkaiConfig config;

    public Response answer(QuerySpec spec, String format, String name) {
        if (format == null || format.isBlank() || format.equals("json")) {
            int maxRows = config.limits().queryRows();
            if (spec.limit() > maxRows) {
                // a JSON answer is built in memory; a file streams every row
                throw new ProblemException(
                        ProblemException.Kind.MALFORMED,
                        "too-many-rows",
                        "Answer too large",
                        "a JSON answer holds at most " + maxRows + " rows (gongkai.limits.query-rows), " + spec.limit()
                                + " were asked: narrow the query, page with offset, or export it (format=csv|xlsx,"
                                + " or POST /api/exports)",
                        List.of(new FieldError("limit", "at most " + maxRows + " rows in a JSON answer")),
                        Map.of("maxRows", maxRows));
            }
            return Response.ok(engine.run(spec), MediaType.APPLICATION_JSON).build();
        }
        ExportFormat f = ExportFormat.parse("format", format);
        exporter.validate(spec);
        return ExportDownloads.attachment(
                f, Exporter.fileName(name, f, Instant.now()), out -> exporter.write(spec, f, out));
    }
}
