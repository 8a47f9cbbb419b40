package org.gongkai.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.gongkai.regions.Sector;
import org.gongkai.regions.SectorClassifier;
import org.gongkai.security.Roles;

/** {@code GET /api/sectors}: the sector keys a query's {@code filters.sector} takes, with their labels. */
@Path("/api/sectors")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SUBMITTER, Roles.PUBLIC})
public class SectorResource {

    private final List<Sector> sectors = distinct();

    @GET
    @APIResponse(responseCode = "200", description = "every sector: key, label (zh), labelEn")
    @Operation(summary = "Every sector an agency can be given (教育, 公安…): key, label, labelEn")
    public List<Sector> all() {
        return sectors;
    }

    private static List<Sector> distinct() {
        Map<String, Sector> byKey = new LinkedHashMap<>();
        for (SectorClassifier.Entry e : SectorClassifier.standard().entries())
            byKey.putIfAbsent(e.sector().key(), e.sector());
        byKey.putIfAbsent(Sector.OTHER.key(), Sector.OTHER);
        return byKey.values().stream()
                .sorted(java.util.Comparator.comparing(Sector::key))
                .toList();
    }
}
