package org.gongkai.queries;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.gongkai.reports.RequestBodies;

/** {@code /api/query}: metrics × group-by × filters over the latest report revisions (API.md). */
@Path("/api/query")
@Produces(MediaType.APPLICATION_JSON)
public class QueryResource {

    private static final long QUERY_BYTES = 256 * 1024;
    private final QueryRequestReader reader = new QueryRequestReader();

    @Inject
    QueryEngine engine;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Aggregate metrics by year, region, agency, format or sector, with coverage")
    public QueryResult post(InputStream body) {
        return engine.run(reader.read(new String(RequestBodies.read(body, QUERY_BYTES), StandardCharsets.UTF_8)));
    }

    @POST
    @Path("/explain")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "EXPLAIN (ANALYZE, BUFFERS) of the SQL a query runs, for reviewing its speed")
    public String explain(InputStream body) {
        return engine.explain(reader.read(new String(RequestBodies.read(body, QUERY_BYTES), StandardCharsets.UTF_8)));
    }

    @GET
    @Operation(summary = "The same query as POST, from query parameters (metrics=a,b&groupBy=year&years=2019,2024…)")
    public QueryResult get(@Context UriInfo uri) {
        return engine.run(reader.read(uri.getQueryParameters()));
    }
}
