package org.gongkai.review;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.gongkai.problems.ProblemException;
import org.gongkai.reports.ReportId;
import org.gongkai.reports.ReportReader;
import org.gongkai.reports.StoredReport;
import org.gongkai.security.PublicLinks;
import org.gongkai.security.Roles;
import org.gongkai.security.Scope;
import org.jboss.resteasy.reactive.RestPath;

/** {@code POST /api/reports/{id}/corrections}: a person corrects a report's identity or figures, with a reason. */
@Path("/api/reports/{id}/corrections")
@Produces(MediaType.APPLICATION_JSON)
public class CorrectionResource {

    @Inject
    ReviewService service;

    @Inject
    ReviewBodies bodies;

    @Inject
    ReportReader reports;

    @Inject
    Scope scope;

    @Inject
    PublicLinks links;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(
            summary = "Correct a report's identity or figures with a reason: a new revision (origin corrected) that"
                    + " becomes the latest at once, roll-ups included; a later parse never overwrites it")
    @APIResponseSchema(value = StoredReport.class, responseCode = "201", responseDescription = "the corrected revision")
    @APIResponse(responseCode = "409", description = "the report is not the latest revision of its agency and year")
    @APIResponse(responseCode = "422", description = "a field is invalid, or nothing would change")
    public Response correct(
            @RestPath String id,
            @RequestBody(ref = "Correction") InputStream body,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") Long contentLength) {
        long parsed = ReportId.parse(id);
        StoredReport before =
                reports.find(parsed).orElseThrow(() -> ProblemException.notFound("no report has the id " + id));
        scope.read(before.agency().regionCode(), null);
        JsonNode root =
                bodies.object(body, contentType, contentLength, "{\"reason\", \"agency\", \"year\", \"figures\"}");
        long corrected = service.correct(
                parsed,
                root,
                bodies.author(),
                agency -> scope.read(agency.region().code(), null));
        StoredReport after = reports.find(corrected).orElseThrow();
        return Response.created(links.of("api/reports", after.id()))
                .entity(after)
                .build();
    }
}
