package org.gongkai.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.gongkai.problems.ProblemException;

/**
 * {@code GET /api/tokens/me}: who the calling token is (role and scope, never the secret), so that a dashboard can
 * start its region picker at the token's region instead of asking a question the API would refuse.
 */
@Path("/api/tokens/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SUBMITTER})
public class CallerResource {

    @Inject
    Scope scope;

    /**
     * The calling token as the dashboard needs it.
     *
     * @param regionCode the region the token reads or writes under; null for an admin (every region)
     * @param agency the one agency a submitter is bound to, else null
     */
    public record Me(String id, String name, String role, String regionCode, String agency) {}

    @GET
    @APIResponse(responseCode = "200", description = "the calling token's id, name, role and scope")
    @Operation(summary = "The calling token: its id, name, role, region and agency (never the token itself)")
    public Me me() {
        Caller c = scope.caller().orElseThrow(() -> ProblemException.notFound("an anonymous caller has no token"));
        return new Me(Long.toString(c.tokenId()), c.tokenName(), c.role(), c.regionCode(), c.agency());
    }
}
