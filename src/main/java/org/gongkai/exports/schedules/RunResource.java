package org.gongkai.exports.schedules;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.gongkai.exports.ExportFormat;
import org.gongkai.problems.ProblemException;
import org.gongkai.security.Roles;
import org.gongkai.security.Scope;
import org.jboss.resteasy.reactive.RestPath;

/** {@code /api/export-runs/{id}}: one run of a schedule, and its file while it is kept. */
@Path("/api/export-runs/{id}")
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
public class RunResource {

    @Inject
    RunStore runs;

    @Inject
    ScheduleService schedules;

    @Inject
    Scope scope;

    @Inject
    ExportFolders folders;

    @jakarta.ws.rs.core.Context
    io.vertx.core.http.HttpServerRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One export run")
    public ExportRun get(@RestPath String id) {
        return find(id);
    }

    @GET
    @Path("/file")
    @Operation(summary = "Download the file a run wrote (410 once it has been pruned)")
    public Response file(@RestPath String id) {
        ExportRun run = find(id);
        if (!"succeeded".equals(run.status()) || run.storedPath() == null) {
            throw new ProblemException(
                    409, "no-file", "No file", "run " + id + " has no file: it is " + run.status(), List.of());
        }
        java.nio.file.Path file = folders.locate(run.storedPath());
        if (run.fileDeletedAt() != null || !Files.isRegularFile(file)) {
            throw new ProblemException(
                    410,
                    "file-gone",
                    "File gone",
                    "the file of run " + id + " is no longer kept (only the newest files of a schedule are)",
                    List.of());
        }
        String name = file.getFileName().toString();
        ExportFormat format = name.endsWith(".xlsx") ? ExportFormat.XLSX : ExportFormat.CSV;
        return Response.ok(file.toFile(), format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("X-Checksum-SHA256", run.sha256())
                .build();
    }

    private ExportRun find(String id) {
        long key = PlainId.parse(id, request == null ? "" : request.uri())
                .orElseThrow(() -> ProblemException.notFound("no export run has the id " + id));
        ExportRun run = runs.find(key).orElseThrow(() -> ProblemException.notFound("no export run has the id " + id));
        // a supervisor reads the runs (and files) of schedules under its region only
        if (scope.bound())
            scope.readUnder(schedules
                    .find(run.scheduleId())
                    .map(ScheduleScope::regionOf)
                    .orElse(null));
        return run;
    }
}
