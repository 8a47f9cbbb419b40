package org.gongkai.review;

import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.gongkai.canonical.ReportYear;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;
import org.gongkai.regions.RegionCode;
import org.gongkai.security.Caller;
import org.gongkai.security.Roles;
import org.gongkai.security.Scope;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /api/review}: the queue of reports that need a person, and the decisions that close its items. */
@Path("/api/review")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Inject
    ReviewReader reader;

    @Inject
    ReviewService service;

    @Inject
    ReviewBodies bodies;

    @Inject
    Scope scope;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SUBMITTER})
    @Operation(
            summary = "The review queue: items (one reason a report needs a person each) in id order with the"
                    + " document text around every suspect figure, and the counts per kind")
    @APIResponseSchema(
            value = ReviewPage.class,
            responseCode = "200",
            responseDescription = "a page of items; `next` is the `after` of the following page")
    public ReviewPage queue(
            @RestQuery RegionCode regionCode,
            @RestQuery ReportYear year,
            @Parameter(description = "one kind of item: unresolved, finding, ocr, check, chain, outlier, difference")
                    @RestQuery
                    @Pattern(
                            regexp = "unresolved|finding|ocr|check|chain|outlier|difference",
                            message = "must be one of unresolved, finding, ocr, check, chain, outlier, difference")
                    String kind,
            @Parameter(description = "open (the queue, default), accepted, corrected, superseded or decided")
                    @RestQuery
                    @DefaultValue("open")
                    @Pattern(
                            regexp = "open|accepted|corrected|superseded|decided",
                            message = "must be one of open, accepted, corrected, superseded, decided")
                    String state,
            @Parameter(description = "one agency's items (its id)")
                    @RestQuery
                    @Pattern(regexp = "\\d{1,18}", message = "must be an agency id")
                    String agencyId,
            @Parameter(description = "the `next` of the previous page (the last item id it showed)")
                    @RestQuery
                    @Pattern(regexp = "\\d{1,18}", message = "must be the id of the last item of a page")
                    String after,
            @RestQuery @DefaultValue("50") @Min(1) @Max(500) int limit) {
        String region = RegionCode.of(regionCode);
        String agency = null;
        Caller c = scope.caller().orElse(null);
        if (c != null && !c.admin() && c.agency() != null) {
            // a submitter bound to one agency sees that agency's queue, within its region
            if (region == null && !"000000".equals(c.regionCode())) region = c.regionCode();
            scope.read(region == null ? c.regionCode() : region, c.agency());
            agency = c.agency();
        } else {
            scope.readUnder(region);
        }
        if ("000000".equals(region)) region = null;
        return reader.queue(new ReviewFilter(
                region,
                ReportYear.of(year),
                kind,
                state,
                agency,
                agencyId == null ? null : Long.parseLong(agencyId),
                after == null ? null : Long.parseLong(after),
                limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SUBMITTER})
    @Operation(summary = "One item of the review queue, in whatever state")
    @APIResponseSchema(value = QueueItem.class, responseCode = "200", responseDescription = "the item")
    public QueueItem item(@RestPath String id) {
        QueueItem item = find(id);
        scope.read(item.regionCode(), item.agency());
        return item;
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(
            summary = "Accept an item as the report's own error (the table as published really does not add up): it"
                    + " leaves the queue and stays a finding of the report")
    @APIResponseSchema(value = QueueItem.class, responseCode = "200", responseDescription = "the item, accepted")
    @APIResponse(responseCode = "409", description = "the item is not open, or its kind is closed otherwise")
    @APIResponse(responseCode = "422", description = "no reason given")
    public QueueItem accept(
            @RestPath String id,
            @RequestBody(ref = "Acceptance") InputStream body,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") Long contentLength) {
        QueueItem item = find(id);
        scope.read(item.regionCode(), item.agency());
        JsonNode root = bodies.object(body, contentType, contentLength, "{\"reason\": \"…\"}");
        service.accept(item, bodies.reason(root, List.of("reason")), bodies.author());
        return find(id);
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(
            summary = "Decide a difference between a new parse and a corrected revision: keep the correction, or"
                    + " take the new revision as the latest")
    @APIResponseSchema(value = QueueItem.class, responseCode = "200", responseDescription = "the item, decided")
    @APIResponse(responseCode = "409", description = "the item is not an open difference, or the correction moved on")
    @APIResponse(responseCode = "422", description = "no reason, or `take` is neither new nor correction")
    public QueueItem decide(
            @RestPath String id,
            @RequestBody(ref = "Decision") InputStream body,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") Long contentLength) {
        QueueItem item = find(id);
        scope.read(item.regionCode(), item.agency());
        JsonNode root = bodies.object(body, contentType, contentLength, "{\"take\": \"new\", \"reason\": \"…\"}");
        String reason = bodies.reason(root, List.of("reason", "take"));
        JsonNode take = root.get("take");
        if (take == null || !take.isTextual() || !List.of("new", "correction").contains(take.asText())) {
            throw ProblemException.invalid(List.of(new FieldError("/take", "must be \"new\" or \"correction\"")));
        }
        service.decideDifference(item, take.asText(), reason, bodies.author());
        return find(id);
    }

    private QueueItem find(String id) {
        long parsed;
        try {
            parsed = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("no review item has the id " + id);
        }
        return reader.item(parsed).orElseThrow(() -> ProblemException.notFound("no review item has the id " + id));
    }
}
