package org.gongkai.views;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.canonical.ReportYear;
import org.gongkai.exports.QueryAnswers;
import org.gongkai.problems.ProblemException;
import org.gongkai.regions.RegionCode;
import org.gongkai.security.ExpensiveCalls;
import org.gongkai.security.Roles;
import org.gongkai.security.Scope;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /api/views/*}: the questions dashboards ask most, each a thin layer over the query engine. */
@Path("/api/views")
@Produces({MediaType.APPLICATION_JSON, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
@ExpensiveCalls
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
public class ViewResource {

    @Inject
    DashboardViews views;

    @Inject
    QueryAnswers answers;

    @Inject
    ViewStore store;

    @Inject
    Scope scope;

    @GET
    @Path("/items-published")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.PUBLIC})
    @Operation(summary = "Items published proactively, per year")
    public Response itemsPublished(
            @RestQuery @Pattern(regexp = "json|csv|xlsx", message = "must be json, csv or xlsx") String format,
            @RestQuery RegionCode regionCode,
            @RestQuery ReportYear from,
            @RestQuery ReportYear to) {
        return answers.answer(
                views.itemsPublished(readable(regionCode), ReportYear.of(from), ReportYear.of(to)),
                format,
                "items-published");
    }

    @GET
    @Path("/request-outcomes")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.PUBLIC})
    @Operation(summary = "How requests were answered, by region one level below the filter (or ?level=)")
    public Response requestOutcomes(
            @RestQuery @Pattern(regexp = "json|csv|xlsx", message = "must be json, csv or xlsx") String format,
            @RestQuery RegionCode regionCode,
            @RestQuery ReportYear year,
            @RestQuery String level,
            @RestQuery @DefaultValue("1000") @Min(1) @Max(100000) int limit,
            @RestQuery @DefaultValue("0") @Min(0) int offset) {
        return answers.answer(
                views.requestOutcomes(readable(regionCode), ReportYear.of(year), level, limit, offset),
                format,
                "request-outcomes");
    }

    @GET
    @Path("/review-litigation")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.PUBLIC})
    @Operation(summary = "Administrative review and litigation results per year, optionally by region")
    public Response reviewLitigation(
            @RestQuery @Pattern(regexp = "json|csv|xlsx", message = "must be json, csv or xlsx") String format,
            @RestQuery RegionCode regionCode,
            @RestQuery ReportYear from,
            @RestQuery ReportYear to,
            @RestQuery String level) {
        return answers.answer(
                views.reviewLitigation(readable(regionCode), ReportYear.of(from), ReportYear.of(to), level),
                format,
                "review-litigation");
    }

    @GET
    @Path("/rankings")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.PUBLIC})
    @Operation(summary = "Agencies (or regions with ?level=) ranked by one metric, largest first")
    public Response rankings(
            @RestQuery @Pattern(regexp = "json|csv|xlsx", message = "must be json, csv or xlsx") String format,
            @RestQuery String metric,
            @RestQuery RegionCode regionCode,
            @RestQuery ReportYear year,
            @RestQuery String level,
            @RestQuery @DefaultValue("20") @Min(1) @Max(10000) int limit,
            @RestQuery @DefaultValue("0") @Min(0) int offset) {
        return answers.answer(
                views.rankings(metric, readable(regionCode), ReportYear.of(year), level, limit, offset),
                format,
                "rankings");
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "Which agencies reported for a year, and which did not though they reported before")
    public ReportingCoverage coverage(
            @RestQuery RegionCode regionCode,
            @RestQuery ReportYear year,
            @RestQuery @DefaultValue("1000") @Min(1) @Max(100000) int limit) {
        if (year == null) throw ProblemException.badParameter("year", "name the year to check");
        return store.coverage(readable(regionCode), year.value(), limit);
    }

    @GET
    @Path("/anomalies")
    @Operation(summary = "Reports whose cross-checks fail, and carried-over counts that break last year's chain")
    public Anomalies anomalies(
            @RestQuery RegionCode regionCode,
            @RestQuery ReportYear year,
            @RestQuery @DefaultValue("1000") @Min(1) @Max(100000) int limit) {
        return store.anomalies(readable(regionCode), ReportYear.of(year), limit);
    }

    @GET
    @Path("/drill-down")
    @Operation(summary = "The reports behind one aggregate cell: their values and sources")
    public DrillDown drillDown(
            @RestQuery String metric,
            @RestQuery RegionCode regionCode,
            @RestQuery ReportYear year,
            @RestQuery ReportFormat format,
            @RestQuery String sector,
            @RestQuery String agency,
            @RestQuery @DefaultValue("100") @Min(1) @Max(10000) int limit,
            @RestQuery @DefaultValue("0") @Min(0) int offset) {
        if (metric == null) throw ProblemException.badParameter("metric", "name the metric of the cell");
        return store.drill(
                metric,
                readable(regionCode),
                ReportYear.of(year),
                ReportFormat.codeOf(format),
                sector,
                agency,
                limit,
                offset);
    }

    /** The region code as a string, once the caller is known to read under it (403 otherwise). */
    private String readable(RegionCode regionCode) {
        String code = RegionCode.of(regionCode);
        scope.readUnder(code);
        return code;
    }
}
