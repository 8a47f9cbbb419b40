package org.gongkai.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.gongkai.problems.ProblemException;
import org.jboss.resteasy.reactive.RestPath;

/** {@code /api/tokens}: an admin creates, lists and revokes bearer tokens (also {@code gongkai token}). */
@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class TokenResource {

    private static final int MAX_BODY_BYTES = 64 * 1024;

    @Inject
    Tokens tokens;

    @Inject
    ObjectMapper json;

    @Inject
    PublicLinks links;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a token: {name, role: admin|submitter|supervisor, regionCode, agency?, ratePerMinute?};"
                    + " the answer holds the token, shown only this once")
    public Response create(@RequestBody(ref = "Token") InputStream body) throws IOException {
        // read here rather than bound by JAX-RS, so that every malformed body reaches the one problem mapper
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES)
            throw new ProblemException(
                    413, "payload-too-large", "Payload too large", "a token request is at most 64 KiB", List.of());
        TokenRequest request;
        try {
            request = bytes.length == 0 ? null : json.readValue(bytes, TokenRequest.class);
        } catch (JsonProcessingException e) {
            throw new ProblemException(
                    400,
                    "malformed-json",
                    "Malformed JSON",
                    "the body is not a JSON object of name, role, regionCode, agency and ratePerMinute",
                    List.of());
        }
        if (request == null) throw ProblemException.invalid("", "must be a JSON object");
        TokenView created = tokens.create(request);
        return Response.created(links.of("api/tokens", created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Operation(summary = "Every token, revoked ones included; never the tokens themselves")
    public List<TokenView> list() {
        return tokens.list();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a token: it stops working with the next request")
    public Response revoke(@RestPath String id) {
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("no token has the id " + id);
        }
        if (!tokens.revoke(key)) throw ProblemException.notFound("no token has the id " + id);
        return Response.noContent().build();
    }
}
