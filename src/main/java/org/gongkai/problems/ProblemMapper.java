package org.gongkai.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become {@code application/problem+json} responses (RFC 9457). */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Context
    UriInfo uriInfo;

    @ServerExceptionMapper
    public Response problem(ProblemException e, RoutingContext request) {
        // A body refused as too large is left unread, and Vert.x would buffer the rest of it, however large, while
        // the connection stays open: the connection ends after the 413 (drained first, so the 413 is not lost).
        if (e.status() == 413 && request != null) LingeringClose.afterAnswer(request);
        return respond(e.toProblem(path()));
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(parameterName(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        ProblemException p = new ProblemException(
                400,
                "invalid-parameter",
                "Invalid parameter",
                errors.isEmpty()
                        ? e.getMessage()
                        : errors.get(0).pointer() + ": " + errors.get(0).message(),
                errors);
        return respond(p.toProblem(path()));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return respond(new ProblemException(
                        400,
                        "malformed-json",
                        "Malformed JSON",
                        "the body is not valid JSON" + where + ": " + e.getOriginalMessage(),
                        List.of())
                .toProblem(path()));
    }

    /**
     * A query parameter JAX-RS could not convert surfaces as a 404 with the conversion's failure as its cause: answer
     * 400 naming the parameter instead. A 404 without a cause is a path no resource serves.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, ResourceInfo resource) {
        if (e.getCause() != null) {
            var error = UnreadableParameters.find(
                            resource == null ? null : resource.getResourceMethod(), uriInfo.getQueryParameters())
                    .orElse(new FieldError("", "a query parameter cannot be read as given"));
            return respond(new ProblemException(
                            400,
                            "invalid-parameter",
                            "Invalid parameter",
                            error.pointer().isEmpty() ? error.message() : error.pointer() + ": " + error.message(),
                            error.pointer().isEmpty() ? List.of() : List.of(error))
                    .toProblem(path()));
        }
        return web(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(new Problem("/problems/http-" + status, title, status, e.getMessage(), path(), List.of(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (DatabaseUnavailable.causes(e)) return databaseUnavailable(e);
        LOG.error("unexpected failure on " + path(), e);
        return respond(new Problem(
                "/problems/internal",
                "Internal error",
                500,
                "an unexpected error occurred; it has been logged",
                path(),
                List.of(),
                null));
    }

    /** 503 while PostgreSQL is unreachable; the pool reconnects by itself when it returns. */
    private Response databaseUnavailable(Exception e) {
        LOG.warnf("database unavailable on %s: %s", path(), e.getMessage());
        Problem p = new Problem(
                "/problems/database-unavailable",
                "Database unavailable",
                503,
                "the database cannot be reached just now; retry later",
                path(),
                List.of(),
                null);
        return Response.fromResponse(respond(p))
                .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
                .build();
    }

    private String path() {
        return uriInfo == null ? null : uriInfo.getPath();
    }

    /** "list.arg1" style property paths name the Java parameter; keep only its last segment. */
    private static String parameterName(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static Response respond(Problem p) {
        return Response.status(p.status())
                .type(Problem.MEDIA_TYPE)
                .entity(p.body())
                .build();
    }
}
