package org.gongkai.reports;

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
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.config.GongkaiConfig;
import org.gongkai.problems.ProblemException;
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

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Submit a structured report; a resubmitted agency and year becomes a new revision")
    public Response submit(
            InputStream body,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") Long contentLength,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        String json = text(body, contentType, contentLength);
        CanonicalReport report = reader.read(json);
        ReportStore.Written written = service.submit(report);
        StoredReport stored = reports.find(written.id()).orElseThrow();
        // the same content for the same agency-year again: no revision, the existing one (200)
        if (!written.created()) return Response.ok(stored).build();
        return Response.created(uri.getBaseUriBuilder()
                        .path("api/reports")
                        .path(stored.id())
                        .build())
                .entity(stored)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One stored report revision with every figure, its source, checks and missing cells")
    public StoredReport get(@RestPath String id) {
        long parsed = parseId(id);
        return reports.find(parsed).orElseThrow(() -> ProblemException.notFound("no report has the id " + id));
    }

    @PUT
    @Path("/{id}/identity")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Give an unresolved report its agency and year: it becomes the latest revision of that"
                    + " agency-year, with the figures it was stored with")
    public StoredReport resolve(
            @RestPath String id,
            InputStream body,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") Long contentLength) {
        long parsed = parseId(id);
        UnresolvedStore.Pending pending =
                service.pending(parsed).orElseThrow(() -> ProblemException.notFound("no report has the id " + id));
        if (!pending.unresolved()) throw ReportService.alreadyResolved(parsed);
        String json = text(body, contentType, contentLength);
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

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("no report has the id " + id);
        }
    }

    @GET
    @Operation(
            summary = "A page of reports, latest revisions unless allRevisions=true; status=unresolved lists the"
                    + " reports kept without an agency, region or year")
    public ReportPage list(
            @RestQuery String agency,
            @RestQuery @Pattern(regexp = "\\d{6}", message = "must be a 6-digit region code") String regionCode,
            @RestQuery @Min(SubmissionReader.FIRST_YEAR) @Max(2100) Integer year,
            @RestQuery @Pattern(regexp = "2019|2021|narrative", message = "must be 2019, 2021 or narrative")
                    String format,
            @RestQuery @DefaultValue("false") boolean allRevisions,
            @RestQuery
                    @DefaultValue("resolved")
                    @Pattern(regexp = "resolved|unresolved", message = "must be resolved or unresolved")
                    String status,
            @RestQuery @DefaultValue("50") @Min(1) @Max(1000) int limit,
            @RestQuery @DefaultValue("0") @Min(0) int offset) {
        return reports.list(new ReportFilter(agency, regionCode, year, format, allRevisions, status, limit, offset));
    }
}
