package org.gongkai.problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Completes the OpenAPI document with what every endpoint shares, so that the resources declare only what is their
 * own (request bodies, success and specific error statuses): the problem+json shape as one schema, the answers the
 * edge gives to any request (400 for a broken URI or parameter, 406, 414), 413 and 415 for every body, 404 where a
 * path names an id, and the description of each query parameter, said once here for every endpoint that takes it.
 */
public class ApiShapes implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";

    /** Query parameters by name, described once for every endpoint (they mean the same everywhere). */
    private static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("regionCode", "a 6-digit region code (GB/T 2260) of the region table: only reports under it"),
            Map.entry("year", "a year, 2008 to next year"),
            Map.entry("from", "the first year, 2008 to next year"),
            Map.entry("to", "the last year, 2008 to next year"),
            Map.entry("years", "one year or from,to"),
            Map.entry("agency", "part of an agency's name (or one of its aliases)"),
            Map.entry("sector", "a sector key (教育, 公安…: GET /api/metrics lists none; see README)"),
            Map.entry("metric", "a metric key (GET /api/metrics)"),
            Map.entry("metrics", "metric keys, comma-separated (GET /api/metrics)"),
            Map.entry("groupBy", "year, format, sector and at most one of province, city, county, agency"),
            Map.entry("order", "key:asc or key:desc, comma-separated"),
            Map.entry("level", "the region level to group by: province, city or county"),
            Map.entry("limit", "rows in the answer"),
            Map.entry("offset", "rows skipped, for paging"),
            Map.entry("allRevisions", "true lists every revision, not only the latest"),
            Map.entry("status", "resolved (default) or unresolved"),
            Map.entry("sourceUrl", "where the document was published"),
            Map.entry("sha256", "the SHA-256 of the document's bytes, 64 hexadecimal digits"),
            Map.entry("id", "the numeric id the resource was created with"));

    private static final String REPORT_FORMAT = "a report format: 2019, 2021 or narrative";
    private static final String OUTPUT_FORMAT = "the answer's format: json (default), csv or xlsx";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) openAPI.setComponents(OASFactory.createComponents());
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null) return;
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, op) -> complete(path, method, op)));
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation op) {
        if (op.getResponses() == null) op.setResponses(OASFactory.createAPIResponses());
        problem(op, "400", "the request cannot be read: a parameter, the body or the URI (problem+json names it)");
        problem(op, "406", "no answer in the types the Accept header allows");
        problem(op, "414", "the URI is longer than gongkai.limits.url-chars");
        if (op.getRequestBody() != null) {
            problem(op, "413", "the body is larger than this endpoint's limit");
            problem(op, "415", "the body is not of a type this endpoint reads");
        }
        if (path.contains("{")) problem(op, "404", "nothing has this id");
        // every 4xx the resources declared answers with the problem shape
        op.getResponses().getAPIResponses().forEach((code, r) -> {
            if (code.startsWith("4") && r.getRef() == null && r.getContent() == null) r.setContent(problemContent());
        });
        List<Parameter> parameters = op.getParameters();
        if (parameters == null) return;
        for (Parameter p : parameters) {
            if (p.getDescription() != null && !p.getDescription().isBlank()) continue;
            String name = p.getName();
            String d = "format".equals(name)
                    ? (path.startsWith("/api/reports") || path.endsWith("/drill-down") ? REPORT_FORMAT : OUTPUT_FORMAT)
                    : PARAMETERS.get(name);
            p.setDescription(d == null ? name : d);
        }
    }

    private static void problem(Operation op, String code, String description) {
        if (op.getResponses().hasAPIResponse(code)) return;
        APIResponse r = OASFactory.createAPIResponse().description(description).content(problemContent());
        op.getResponses().addAPIResponse(code, r);
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        Map<String, Schema> props = new LinkedHashMap<>();
        props.put("type", string("a URI reference naming the kind of problem, e.g. /problems/invalid-parameter"));
        props.put("title", string("the kind of problem in words"));
        props.put(
                "status",
                OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).description("the HTTP status"));
        props.put("detail", string("what is wrong with this request"));
        props.put("instance", string("the path the request named"));
        props.put(
                "errors",
                OASFactory.createSchema()
                        .addType(Schema.SchemaType.ARRAY)
                        .description("every field or parameter that is wrong")
                        .items(OASFactory.createSchema()
                                .addType(Schema.SchemaType.OBJECT)
                                .addProperty("pointer", string("a JSON Pointer into the body, or a parameter's name"))
                                .addProperty("message", string("what is wrong with it"))));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details (application/problem+json)")
                .properties(props)
                .required(List.of("type", "title", "status"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
