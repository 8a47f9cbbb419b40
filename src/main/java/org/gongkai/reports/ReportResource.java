package org.gongkai.reports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.canonical.ReportYear;
import org.gongkai.config.GongkaiConfig;
import org.gongkai.problems.ProblemException;
import org.gongkai.regions.RegionCode;
import org.gongkai.security.PublicLinks;
import org.gongkai.security.Roles;
import org.gongkai.security.Scope;
import org.gongkai.storage.ReportStore;
import org.gongkai.storage.UnresolvedStore;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /api/reports}: structured reports in, stored revisions out (API.md). */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    SubmissionReader reader;

    @Inject
    ReportService service;

    @Inject
    ReportReader reports;

    @Inject
    GongkaiConfig config;

    @Inject
    Scope scope;

    @Inject
    PublicLinks links;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SUBMITTER})
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "201",
            description = "stored as the latest revision of its agency and year",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StoredReport.class)))
    @APIResponse(
            responseCode = "200",
            description = "the same content was stored before for this agency and year: that revision, unchanged")
    @APIResponse(responseCode = "422", description = "a field is invalid (each one named by a JSON Pointer)")
    @Operation(summary = "Submit a structured report; a resubmitted agency and year becomes a new revision")
    public Response submit(
            @RequestBody(ref = "Submission") InputStream body,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") Long contentLength,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        String json = text(body, contentType, contentLength);
        CanonicalReport report = reader.read(json);
        if (scope.bound()) {
            var agency = service.profile(report);
            scope.write(agency.region().code(), agency.name());
        }
        ReportStore.Written written = service.submit(report);
        StoredReport stored = reports.find(written.id()).orElseThrow();
        // the same content for the same agency-year again: no revision, the existing one (200)
        if (!written.created()) return Response.ok(stored).build();
        return Response.created(links.of("api/reports", stored.id()))
                .entity(stored)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One stored report revision with every figure, its source, checks and missing cells")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SUBMITTER})
    public StoredReport get(@RestPath String id) {
        long parsed = ReportId.parse(id);
        StoredReport r =
                reports.find(parsed).orElseThrow(() -> ProblemException.notFound("no report has the id " + id));
        scope.read(r.agency().regionCode(), r.agency().name());
        return r;
    }

    @PUT
    @Path("/{id}/identity")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "resolved: the report as now stored")
    @APIResponse(responseCode = "409", description = "the report is already resolved")
    @APIResponse(responseCode = "422", description = "a field is invalid")
    @Operation(
            summary = "Give an unresolved report its agency and year: it becomes the latest revision of that"
                    + " agency-year, with the figures it was stored with")
    @RolesAllowed({Roles.ADMIN, Roles.SUBMITTER})
    public StoredReport resolve(
            @RestPath String id,
            @RequestBody(ref = "Identity") InputStream body,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") Long contentLength) {
        long parsed = ReportId.parse(id);
        String json = text(body, contentType, contentLength);
        if (scope.bound()) {
            // the report must be the submitter's before and after; a refusal after rolls the resolution back
            StoredReport before =
                    reports.find(parsed).orElseThrow(() -> ProblemException.notFound("no report has the id " + id));
            scope.write(
                    before.agency().regionCode(), scope.caller().orElseThrow().agency());
            return QuarkusTransaction.requiringNew().call(() -> {
                StoredReport after = resolveNow(parsed, id, json);
                scope.write(after.agency().regionCode(), after.agency().name());
                return after;
            });
        }
        return resolveNow(parsed, id, json);
    }

    private StoredReport resolveNow(long parsed, String id, String json) {
        UnresolvedStore.Pending pending =
                service.pending(parsed).orElseThrow(() -> ProblemException.notFound("no report has the id " + id));
        if (!pending.unresolved()) throw ReportService.alreadyResolved(parsed);
        IdentityClaim given = reader.readIdentity(json, pending.agencyName() != null, pending.year() != 0);
        service.resolve(parsed, given.completing(pending));
        return reports.find(parsed).orElseThrow();
    }

    /**
     * The body as text: its declared charset (415 for an unknown one), at most {@code gongkai.limits.report-bytes}
     * (413, from the declared length before reading), every byte valid text (400 with the offset).
     */
    private String text(InputStream body, String contentType, Long contentLength) {
        var charset = RequestText.charsetOf(contentType);
        long limit = config.limits().reportBytes();
        if (contentLength != null && contentLength > limit) RequestBodies.tooLarge(limit);
        return RequestText.decode(RequestBodies.read(body, limit), charset);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SUBMITTER})
    @Operation(
            summary = "A page of reports, latest revisions unless allRevisions=true; status=unresolved lists the"
                    + " reports kept without an agency, region or year")
    public ReportPage list(
            @RestQuery String agency,
            @RestQuery RegionCode regionCode,
            @RestQuery ReportYear year,
            @RestQuery ReportFormat format,
            @RestQuery @DefaultValue("false") boolean allRevisions,
            @RestQuery
                    @DefaultValue("resolved")
                    @Pattern(regexp = "resolved|unresolved", message = "must be resolved or unresolved")
                    String status,
            @RestQuery @DefaultValue("50") @Min(1) @Max(1000) int limit,
            @RestQuery @DefaultValue("0") @Min(0) int offset) {
        scope.readUnder(RegionCode.of(regionCode));
        return reports.list(new ReportFilter(
                agency,
                RegionCode.of(regionCode),
                ReportYear.of(year),
                ReportFormat.codeOf(format),
                allRevisions,
                status,
                limit,
                offset));
    }
}
