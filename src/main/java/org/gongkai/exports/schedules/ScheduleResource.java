package org.gongkai.exports.schedules;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.gongkai.config.GongkaiConfig;
import org.gongkai.problems.ProblemException;
import org.gongkai.reports.RequestBodies;
import org.gongkai.security.PublicLinks;
import org.gongkai.security.Roles;
import org.gongkai.security.Scope;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /api/export-schedules}: exports that run on a cron schedule into a folder, with their run history. */
@Path("/api/export-schedules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ScheduleResource {

    @Inject
    Scope scope;

    @Inject
    PublicLinks links;

    @Inject
    GongkaiConfig config;

    @Inject
    ScheduleRequestReader reader;

    @Inject
    ScheduleService service;

    @Inject
    ScheduleRegistry registry;

    @Inject
    RunStore runs;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "created and registered on its cron")
    @APIResponse(responseCode = "422", description = "a field is invalid")
    @Operation(
            summary =
                    "Create a schedule: {name, cron (Quartz, seconds first), query | view, format, targetFolder, keep}")
    public Response create(@RequestBody(ref = "Schedule") InputStream body, @Context UriInfo uri) {
        ExportSchedule s = service.create(reader.read(read(body)));
        return Response.created(links.of("api/export-schedules", s.id()))
                .entity(s)
                .build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(
            summary = "Every export schedule; ?regionCode= lists those whose query or view reads under that region"
                    + " (a supervisor must name one within its scope)")
    public List<ExportSchedule> list(@RestQuery String regionCode) {
        scope.readUnder(regionCode);
        if (regionCode == null) return service.list();
        return service.list().stream()
                .filter(s -> scope.contains(regionCode, ScheduleScope.regionOf(s)))
                .toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One export schedule")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public ExportSchedule get(@RestPath String id) {
        return readable(service.find(parse(id)).orElseThrow(() -> missing(id)));
    }

    /** The schedule, when the caller may read under the region its query or view reads. */
    private ExportSchedule readable(ExportSchedule s) {
        if (scope.bound()) scope.readUnder(ScheduleScope.regionOf(s));
        return s;
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "replaced")
    @APIResponse(responseCode = "422", description = "a field is invalid")
    @Operation(summary = "Replace a schedule's definition (same body as create)")
    public ExportSchedule replace(@RestPath String id, @RequestBody(ref = "Schedule") InputStream body) {
        long key = parse(id);
        ScheduleDefinition d = reader.read(read(body));
        return service.replace(key, d).orElseThrow(() -> missing(id));
    }

    @POST
    @Path("/{id}/pause")
    @Operation(summary = "Stop running a schedule until it is resumed")
    public ExportSchedule pause(@RestPath String id) {
        return service.setActive(parse(id), false).orElseThrow(() -> missing(id));
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Run a paused schedule again on its cron")
    public ExportSchedule resume(@RestPath String id) {
        return service.setActive(parse(id), true).orElseThrow(() -> missing(id));
    }

    @POST
    @Path("/{id}/run")
    @Operation(summary = "Run a schedule once now, in the background; its run appears under /runs")
    public Response runNow(@RestPath String id) {
        ExportSchedule s = service.find(parse(id)).orElseThrow(() -> missing(id));
        registry.runNow(s.id());
        return Response.accepted().build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a schedule and its run records; files already written stay on disk")
    public Response delete(@RestPath String id) {
        if (!service.delete(parse(id))) throw missing(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/runs")
    @Operation(summary = "A schedule's runs, newest first: status, rows, file, size, SHA-256, error, attempt")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public List<ExportRun> runs(@RestPath String id, @RestQuery @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        ExportSchedule s = readable(service.find(parse(id)).orElseThrow(() -> missing(id)));
        return runs.ofSchedule(s.id(), limit);
    }

    /** Only plain ASCII digits name a schedule: not {@code ９} (which Long.parseLong reads as 9), not {@code 1;ls}. */
    private long parse(String id) {
        return PlainId.parse(id, request == null ? "" : request.uri()).orElseThrow(() -> missing(id));
    }

    @jakarta.ws.rs.core.Context
    io.vertx.core.http.HttpServerRequest request;

    private static ProblemException missing(String id) {
        return ProblemException.notFound("no export schedule has the id " + id);
    }

    private String read(InputStream body) {
        return new String(RequestBodies.read(body, config.limits().requestBytes()), StandardCharsets.UTF_8);
    }
}
