package org.gongkai.metrics.http;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Collection;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.security.Roles;

/** {@code GET /api/metrics}: the whole metric catalogue. */
@Path("/api/metrics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SUBMITTER, Roles.PUBLIC})
public class MetricResource {

    @Inject
    MetricCatalogue catalogue;

    @GET
    @Operation(summary = "Every metric: key, labels, section, unit, whether it may be summed, formats, derivation")
    public Collection<Metric> all() {
        return catalogue.all();
    }
}
