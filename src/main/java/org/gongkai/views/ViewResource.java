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
import org.gongkai.exports.QueryAnswers;
import org.gongkai.problems.ProblemException;
import org.gongkai.regions.RegionDirectory;
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

    private static final String REGION = "\\d{6}";
    private static final String REGION_MESSAGE = "must be a 6-digit region code";

    @Inject
    DashboardViews views;

    @Inject
    QueryAnswers answers;

    @Inject
    ViewStore store;

    @Inject
    RegionDirectory regions;

    @Inject
    Scope scope;

    @GET
    @Path("/items-published")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.PUBLIC})
    @Operation(summary = "Items published proactively, per year")
    public Response itemsPublished(
            @RestQuery @Pattern(regexp = "json|csv|xlsx", message = "must be json, csv or xlsx") String format,
            @RestQuery @Pattern(regexp = REGION, message = REGION_MESSAGE) String regionCode,
            @RestQuery @Min(2008) @Max(2100) Integer from,
            @RestQuery @Min(2008) @Max(2100) Integer to) {
        return answers.answer(views.itemsPublished(known(regionCode), from, to), format, "items-published");
    }

    @GET
    @Path("/request-outcomes")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.PUBLIC})
    @Operation(summary = "How requests were answered, by region one level below the filter (or ?level=)")
    public Response requestOutcomes(
            @RestQuery @Pattern(regexp = "json|csv|xlsx", message = "must be json, csv or xlsx") String format,
            @RestQuery @Pattern(regexp = REGION, message = REGION_MESSAGE) String regionCode,
            @RestQuery @Min(2008) @Max(2100) Integer year,
            @RestQuery String level,
            @RestQuery @DefaultValue("1000") @Min(1) @Max(100000) int limit,
            @RestQuery @DefaultValue("0") @Min(0) int offset) {
        return answers.answer(
                views.requestOutcomes(known(regionCode), year, level, limit, offset), format, "request-outcomes");
    }

    @GET
    @Path("/review-litigation")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.PUBLIC})
    @Operation(summary = "Administrative review and litigation results per year, optionally by region")
    public Response reviewLitigation(
            @RestQuery @Pattern(regexp = "json|csv|xlsx", message = "must be json, csv or xlsx") String format,
            @RestQuery @Pattern(regexp = REGION, message = REGION_MESSAGE) String regionCode,
            @RestQuery @Min(2008) @Max(2100) Integer from,
            @RestQuery @Min(2008) @Max(2100) Integer to,
            @RestQuery String level) {
        return answers.answer(views.reviewLitigation(known(regionCode), from, to, level), format, "review-litigation");
    }

    @GET
    @Path("/rankings")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.PUBLIC})
    @Operation(summary = "Agencies (or regions with ?level=) ranked by one metric, largest first")
    public Response rankings(
            @RestQuery @Pattern(regexp = "json|csv|xlsx", message = "must be json, csv or xlsx") String format,
            @RestQuery String metric,
            @RestQuery @Pattern(regexp = REGION, message = REGION_MESSAGE) String regionCode,
            @RestQuery @Min(2008) @Max(2100) Integer year,
            @RestQuery String level,
            @RestQuery @DefaultValue("20") @Min(1) @Max(10000) int limit,
            @RestQuery @DefaultValue("0") @Min(0) int offset) {
        return answers.answer(
                views.rankings(metric, known(regionCode), year, level, limit, offset), format, "rankings");
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "Which agencies reported for a year, and which did not though they reported before")
    public ReportingCoverage coverage(
            @RestQuery @Pattern(regexp = REGION, message = REGION_MESSAGE) String regionCode,
            @RestQuery @Min(2008) @Max(2100) Integer year,
            @RestQuery @DefaultValue("1000") @Min(1) @Max(100000) int limit) {
        if (year == null) throw ProblemException.badParameter("year", "name the year to check");
        return store.coverage(known(regionCode), year, limit);
    }

    @GET
    @Path("/anomalies")
    @Operation(summary = "Reports whose cross-checks fail, and carried-over counts that break last year's chain")
    public Anomalies anomalies(
            @RestQuery @Pattern(regexp = REGION, message = REGION_MESSAGE) String regionCode,
            @RestQuery @Min(2008) @Max(2100) Integer year,
            @RestQuery @DefaultValue("1000") @Min(1) @Max(100000) int limit) {
        return store.anomalies(known(regionCode), year, limit);
    }

    @GET
    @Path("/drill-down")
    @Operation(summary = "The reports behind one aggregate cell: their values and sources")
    public DrillDown drillDown(
            @RestQuery String metric,
            @RestQuery @Pattern(regexp = REGION, message = REGION_MESSAGE) String regionCode,
            @RestQuery @Min(2008) @Max(2100) Integer year,
            @RestQuery @Pattern(regexp = "2019|2021|narrative", message = "must be 2019, 2021 or narrative")
                    String format,
            @RestQuery String sector,
            @RestQuery String agency,
            @RestQuery @DefaultValue("100") @Min(1) @Max(10000) int limit,
            @RestQuery @DefaultValue("0") @Min(0) int offset) {
        if (metric == null) throw ProblemException.badParameter("metric", "name the metric of the cell");
        return store.drill(metric, known(regionCode), year, format, sector, agency, limit, offset);
    }

    /** The region code, when it names a region and the caller may read under it. */
    private String known(String regionCode) {
        scope.readUnder(regionCode);
        if (regionCode != null && regions.find(regionCode).isEmpty()) {
            throw ProblemException.badParameter("regionCode", "no region has the code " + regionCode);
        }
        return regionCode;
    }
}
