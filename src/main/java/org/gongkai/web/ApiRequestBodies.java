package org.gongkai.web;

import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.gongkai.exports.ComparisonBody;
import org.gongkai.exports.schedules.ScheduleBody;
import org.gongkai.queries.QueryBody;
import org.gongkai.reports.SubmissionBody;
import org.gongkai.review.ReviewBodies;
import org.gongkai.security.TokenRequest;

/**
 * The JSON request bodies of the API, each described once (its schema and an example) and named by the endpoints that
 * read it ({@code @RequestBody(ref = "Query")}: a name, not a constant of this class, which would make every feature
 * package that has a resource and a body depend on this one and this one on it): {@code POST /api/query}, {@code /api/query/explain} and
 * {@code /api/exports} read the same query, the two schedule writes the same schedule. The title and description are
 * application.properties' ({@code quarkus.smallrye-openapi.info-*}). SmallRye OpenAPI reads the definition from the
 * JAX-RS application class, which adds nothing else: every resource is still found by its {@code @Path}.
 */
@OpenAPIDefinition(
        info = @Info(title = "Gongkai", version = "1"),
        components =
                @Components(
                        requestBodies = {
                            @RequestBody(
                                    name = "Query",
                                    required = true,
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = QueryBody.class),
                                                    examples =
                                                            @ExampleObject(name = "query", value = QueryBody.EXAMPLE))),
                            @RequestBody(
                                    name = "Comparison",
                                    required = true,
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = ComparisonBody.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "comparison",
                                                                    value = ComparisonBody.EXAMPLE))),
                            @RequestBody(
                                    name = "Schedule",
                                    required = true,
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = ScheduleBody.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "schedule",
                                                                    value = ScheduleBody.EXAMPLE))),
                            @RequestBody(
                                    name = "Submission",
                                    required = true,
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = SubmissionBody.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "report",
                                                                    value = SubmissionBody.EXAMPLE))),
                            @RequestBody(
                                    name = "Identity",
                                    required = true,
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = SubmissionBody.Identity.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "identity",
                                                                    value = SubmissionBody.Identity.EXAMPLE))),
                            @RequestBody(
                                    name = "Correction",
                                    required = true,
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = ReviewBodies.Correction.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "figure",
                                                                    value = ReviewBodies.Correction.EXAMPLE))),
                            @RequestBody(
                                    name = "Acceptance",
                                    required = true,
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = ReviewBodies.Acceptance.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "accept",
                                                                    value = ReviewBodies.Acceptance.EXAMPLE))),
                            @RequestBody(
                                    name = "Decision",
                                    required = true,
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = ReviewBodies.Decision.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "take",
                                                                    value = ReviewBodies.Decision.EXAMPLE))),
                            @RequestBody(
                                    name = "Token",
                                    required = true,
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = TokenRequest.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "supervisor",
                                                                    value = TokenRequest.EXAMPLE)))
                        }))
public class ApiRequestBodies extends Application {}
