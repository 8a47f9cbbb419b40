package org.gongkai.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.gongkai.problems.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as {@code application/problem+json} (authentication is not proactive, so its failures reach JAX-RS),
 * with the {@code WWW-Authenticate: Bearer} challenge on 401.
 */
public class SecurityProblems {

    @Context
    UriInfo uri;

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthorized(RuntimeException e) {
        String detail = e instanceof AuthenticationFailedException && e.getMessage() != null
                ? e.getMessage()
                : "send Authorization: Bearer <token>";
        return respond(401, "unauthorized", "Unauthorized", detail)
                .header("WWW-Authenticate", "Bearer realm=\"gongkai\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "forbidden", "Forbidden", "this token's role may not call this endpoint")
                .build();
    }

    private Response.ResponseBuilder respond(int status, String slug, String title, String detail) {
        Problem p = new Problem(
                "/problems/" + slug, title, status, detail, uri == null ? null : uri.getPath(), List.of(), null);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(p.body());
    }
}
