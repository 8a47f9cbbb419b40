package org.gongkai.queries.http;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.gongkai.config.GongkaiConfig;
import org.gongkai.exports.QueryAnswers;
import org.gongkai.queries.QueryEngine;
import org.gongkai.queries.QueryRequestReader;
import org.gongkai.queries.QuerySpec;
import org.gongkai.reports.RequestBodies;
import org.gongkai.security.ExpensiveCalls;
import org.gongkai.security.Roles;
import org.gongkai.security.Scope;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /api/query}: metrics × group-by × filters over the latest report revisions (API.md). */
@Path("/api/query")
@Produces(MediaType.APPLICATION_JSON)
@ExpensiveCalls
public class QueryResource {

    @Inject
    GongkaiConfig config;

    @Inject
    Scope scope;

    private final QueryRequestReader reader = new QueryRequestReader();

    @Inject
    QueryEngine engine;

    @Inject
    QueryAnswers answers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({
        MediaType.APPLICATION_JSON,
        "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    })
    @APIResponse(responseCode = "200", description = "the rows, or the same rows as a file")
    @APIResponse(
            responseCode = "422",
            description = "the query cannot be answered as asked (a stock summed across years)")
    @Operation(
            summary = "Aggregate metrics by year, region, agency, format or sector, with coverage;"
                    + " format=csv|xlsx answers the same rows as a file")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.PUBLIC})
    public Response post(@RequestBody(ref = "Query") InputStream body, @RestQuery String format) {
        QuerySpec spec = reader.read(
                new String(RequestBodies.read(body, config.limits().requestBytes()), StandardCharsets.UTF_8));
        scope.readUnder(spec.filters().regionCode());
        return answers.answer(spec, format, "query");
    }

    @POST
    @Path("/explain")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "EXPLAIN (ANALYZE, BUFFERS) of the SQL a query runs, for reviewing its speed")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public String explain(@RequestBody(ref = "Query") InputStream body) {
        QuerySpec spec = reader.read(
                new String(RequestBodies.read(body, config.limits().requestBytes()), StandardCharsets.UTF_8));
        scope.readUnder(spec.filters().regionCode());
        return engine.explain(spec);
    }

    @GET
    @Produces({
        MediaType.APPLICATION_JSON,
        "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    })
    @APIResponse(responseCode = "200", description = "the rows, or the same rows as a file")
    @APIResponse(
            responseCode = "422",
            description = "the query cannot be answered as asked (a stock summed across years)")
    @Operation(
            summary = "The same query as POST, from query parameters (metrics=a,b&groupBy=year&years=2019,2024…);"
                    + " format=csv|xlsx|json chooses the answer, format=2019|2021|narrative filters reports")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.PUBLIC})
    public Response get(@Context UriInfo uri) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>(uri.getQueryParameters());
        List<String> formats = params.getOrDefault("format", List.of());
        String output = formats.stream()
                .filter(QueryAnswers.OUTPUT_FORMATS::contains)
                .findFirst()
                .orElse(null);
        params.put(
                "format",
                formats.stream()
                        .filter(f -> !QueryAnswers.OUTPUT_FORMATS.contains(f))
                        .toList());
        QuerySpec spec = reader.read(params);
        scope.readUnder(spec.filters().regionCode());
        return answers.answer(spec, output, "query");
    }
}
