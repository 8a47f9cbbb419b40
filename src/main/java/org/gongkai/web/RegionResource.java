package org.gongkai.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.gongkai.problems.ProblemException;
import org.gongkai.regions.Region;
import org.gongkai.regions.RegionCode;
import org.gongkai.regions.RegionDirectory;
import org.gongkai.security.Roles;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /api/regions}: the divisions of the shipped table, one level at a time, for the dashboard's region
 * picker (province → city → county). The table is public data, so every token may read all of it; what a token may
 * ask about is still checked by each question it sends.
 */
@Path("/api/regions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SUBMITTER, Roles.PUBLIC})
public class RegionResource {

    @Inject
    RegionDirectory regions;

    /** The divisions directly below {@code parent}, or the provinces without it. */
    public record Children(Region parent, List<Region> regions) {}

    @GET
    @APIResponse(responseCode = "200", description = "the parent (null for the nation) and its divisions, by code")
    @Operation(
            summary = "The provinces, or the divisions directly below ?parent= (cities of a province, counties of a"
                    + " city)")
    public Children children(
            @Parameter(description = "a 6-digit region code; without it, the provinces") @RestQuery RegionCode parent) {
        String code = RegionCode.of(parent);
        Region p = code == null ? null : regions.find(code).orElseThrow();
        List<Region> below = regions.all().stream()
                .filter(r -> code == null ? r.parentCode() == null : code.equals(r.parentCode()))
                .filter(r -> !r.code().equals(code))
                .toList();
        return new Children(p, below);
    }

    @GET
    @Path("/{code}")
    @APIResponse(responseCode = "200", description = "the region with its level and the codes of its province and city")
    @Operation(summary = "One region: name, level, province and city codes (to show where a code sits)")
    public Region one(@Parameter(description = "a 6-digit region code") @RestPath String code) {
        String why = RegionCode.whyNot(code, regions);
        if (why != null) throw ProblemException.notFound(why);
        return regions.find(code).orElseThrow();
    }
}
