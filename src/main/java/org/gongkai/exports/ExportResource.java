package org.gongkai.exports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.gongkai.config.GongkaiConfig;
import org.gongkai.queries.QuerySpec;
import org.gongkai.reports.RequestBodies;
import org.gongkai.security.ExpensiveCalls;
import org.gongkai.security.Roles;
import org.gongkai.security.Scope;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code POST /api/exports}: any query (the body of {@code POST /api/query}) as a CSV or XLSX download. */
@Path("/api/exports")
@ExpensiveCalls
public class ExportResource {

    @Inject
    GongkaiConfig config;

    @Inject
    Scope scope;

    @Inject
    Exporter exporter;

    @Inject
    ComparisonView comparison;

    private final ExportRequests requests = new ExportRequests();

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "the file (text/csv or XLSX), as an attachment")
    @APIResponse(responseCode = "422", description = "a field is invalid, or the query cannot be answered as asked")
    @Operation(summary = "Export a query as CSV or XLSX (body as POST /api/query; every row unless limit is given)")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.PUBLIC})
    public Response export(@RequestBody(ref = "Query") InputStream body, @RestQuery String format) {
        ExportFormat f = ExportFormat.parse("format", format);
        QuerySpec spec = requests.query(requests.parse(read(body)));
        scope.readUnder(spec.filters().regionCode());
        exporter.validate(spec);
        StreamingOutput out = stream -> exporter.write(spec, f, stream);
        return ExportDownloads.attachment(f, Exporter.fileName("query", f, Instant.now()), out);
    }

    @POST
    @Path("/comparison")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "the file (text/csv or XLSX), as an attachment")
    @APIResponse(responseCode = "422", description = "a field is invalid, or the query cannot be answered as asked")
    @Operation(summary = "Export a comparison (年报对比表): agencies or regions × years, with changes and failed checks")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public Response comparison(@RequestBody(ref = "Comparison") InputStream body, @RestQuery String format) {
        ExportFormat f = ExportFormat.parse("format", format);
        var params = requests.parse(read(body));
        scope.readUnder(params);
        comparison.validate(params);
        StreamingOutput out = stream -> comparison.write(params, f, stream);
        return ExportDownloads.attachment(f, Exporter.fileName("comparison", f, Instant.now()), out);
    }

    private String read(InputStream body) {
        return new String(RequestBodies.read(body, config.limits().requestBytes()), StandardCharsets.UTF_8);
    }
}
