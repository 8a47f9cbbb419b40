package org.gongkai.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.gongkai.problems.ProblemException;
import org.gongkai.reports.ReportId;
import org.gongkai.reports.ReportReader;
import org.gongkai.reports.StoredReport;
import org.gongkai.security.Roles;
import org.gongkai.security.Scope;
import org.jboss.resteasy.reactive.RestPath;

/** {@code GET /api/reports/{id}/history}: every revision of a report, who made it, why, and what it changed. */
@Path("/api/reports/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    @Inject
    HistoryReader history;

    @Inject
    ReportReader reports;

    @Inject
    Scope scope;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SUBMITTER})
    @Operation(
            summary = "Every revision of the report's agency and year in order, with its origin (submitted, parsed,"
                    + " corrected), author, reason and the figures it changed")
    @APIResponseSchema(
            value = ReportHistory.class,
            responseCode = "200",
            responseDescription = "the revisions, oldest first")
    public ReportHistory get(@RestPath String id) {
        long parsed = ReportId.parse(id);
        StoredReport r =
                reports.find(parsed).orElseThrow(() -> ProblemException.notFound("no report has the id " + id));
        scope.read(r.agency().regionCode(), r.agency().name());
        return history.of(parsed).orElseThrow(() -> ProblemException.notFound("no report has the id " + id));
    }
}
