package org.gongkai.exports.schedules;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gongkai.config.GongkaiConfig;
import org.gongkai.exports.ExportFormat;
import org.gongkai.exports.ExportRequests;
import org.gongkai.exports.Exporter;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;

/**
 * Reads a schedule request {@code {name, cron, query | view, format, targetFolder, keep}} and checks every field,
 * including the query or view itself, so that a stored schedule can run; 422 names each bad field.
 */
@ApplicationScoped
public class ScheduleRequestReader {

    /** Quarkus reads cron expressions as Quartz does: seconds first, {@code ?} for day-of-month or day-of-week. */
    public static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    static final int DEFAULT_KEEP = 10;
    private static final Set<String> FIELDS = Set.of("name", "cron", "query", "view", "format", "targetFolder", "keep");

    @Inject
    Exporter exporter;

    @Inject
    ExportFolders folders;

    @Inject
    GongkaiConfig config;

    private final ExportRequests requests = new ExportRequests();

    public ScheduleDefinition read(String body) {
        JsonNode root = requests.parse(body);
        List<FieldError> errors = new ArrayList<>();
        root.fieldNames().forEachRemaining(n -> {
            if (!FIELDS.contains(n)) errors.add(new FieldError("/" + n, "unknown field"));
        });
        String name = text(root, "name", errors);
        if (name != null && (name.isBlank() || name.length() > 200))
            errors.add(new FieldError("/name", "must be 1 to 200 characters"));
        String cron = text(root, "cron", errors);
        if (cron != null) {
            try {
                CronFrequency.problem(
                                CRON.parse(cron).validate(),
                                config.exports().schedules().minInterval())
                        .ifPresent(m -> errors.add(new FieldError("/cron", m)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(
                        "/cron",
                        "not a valid cron expression (Quartz, seconds first, e.g. \"0 0 6 * * ?\"): "
                                + e.getMessage()));
            }
        }
        ExportFormat format = null;
        JsonNode f = root.get("format");
        if (f == null || !f.isTextual()) errors.add(new FieldError("/format", "must be csv or xlsx"));
        else {
            String v = f.asText().toLowerCase(Locale.ROOT);
            if (v.equals("csv")) format = ExportFormat.CSV;
            else if (v.equals("xlsx")) format = ExportFormat.XLSX;
            else errors.add(new FieldError("/format", "must be csv or xlsx, not \"" + f.asText() + "\""));
        }
        String folder = text(root, "targetFolder", errors);
        if (folder != null) folders.problem(folder).ifPresent(m -> errors.add(new FieldError("/targetFolder", m)));
        int keep = DEFAULT_KEEP;
        JsonNode k = root.get("keep");
        if (k != null && !k.isNull()) {
            if (!k.isInt() || k.asInt() < 1 || k.asInt() > 1000)
                errors.add(new FieldError("/keep", "must be an integer from 1 to 1000"));
            else keep = k.asInt();
        }
        JsonNode query = root.get("query");
        JsonNode view = root.get("view");
        boolean hasQuery = query != null && !query.isNull();
        boolean hasView = view != null && !view.isNull();
        ExportSchedule.ViewRef viewRef = null;
        if (hasQuery == hasView) {
            errors.add(new FieldError("/query", "give either a query or a view"));
        } else if (hasQuery) {
            if (!query.isObject()) errors.add(new FieldError("/query", "must be a query object (as POST /api/query)"));
            else nested("/query", errors, () -> exporter.validate(requests.query(query)));
        } else if (!view.isObject() || !view.path("name").isTextual()) {
            errors.add(new FieldError("/view", "must be {\"name\": …, \"params\": {…}}"));
        } else {
            viewRef = new ExportSchedule.ViewRef(view.get("name").asText(), view.get("params"));
            ExportSchedule.ViewRef v = viewRef;
            nested("/view/params", errors, () -> exporter.view(v.name(), "/view/name")
                    .validate(v.params()));
        }
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        return new ScheduleDefinition(name, cron, hasQuery ? query : null, viewRef, format, folder, keep);
    }

    /** Runs a check of a nested request and files its errors under the nested field's pointer. */
    private static void nested(String prefix, List<FieldError> errors, Runnable check) {
        try {
            check.run();
        } catch (ProblemException e) {
            var problem = e.toProblem(null);
            if (problem.errors() == null || problem.errors().isEmpty()) {
                errors.add(new FieldError(prefix, problem.detail()));
                return;
            }
            for (FieldError fe : problem.errors()) {
                String p = fe.pointer();
                errors.add(new FieldError(
                        p.startsWith("/view") ? p : prefix + (p.startsWith("/") ? p : "/" + p), fe.message()));
            }
        }
    }

    private static String text(JsonNode root, String field, List<FieldError> errors) {
        JsonNode v = root.get(field);
        if (v == null || !v.isTextual()) {
            errors.add(new FieldError("/" + field, "must be a string"));
            return null;
        }
        return v.asText();
    }
}
