package org.gongkai.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.gongkai.problems.ProblemException;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code GET /api/audit}: who wrote or exported what and when, newest first, for admins. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    @Inject
    AuditLog log;

    /** A page of entries; {@code next} is the offset of the next page, null on the last. */
    public record AuditPage(List<AuditEntry.AuditView> entries, int limit, int offset, Integer next) {}

    @GET
    @Operation(summary = "Audit entries, newest first; ?tokenId=, ?from= and ?to= (ISO-8601 instants) narrow them")
    public AuditPage list(
            @RestQuery String tokenId,
            @RestQuery String from,
            @RestQuery String to,
            @RestQuery @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @RestQuery @DefaultValue("0") @Min(0) int offset) {
        Long token = null;
        if (tokenId != null) {
            try {
                token = Long.parseLong(tokenId);
            } catch (NumberFormatException e) {
                throw ProblemException.badParameter("tokenId", "must be a token id");
            }
        }
        List<AuditEntry.AuditView> entries = log.list(token, instant("from", from), instant("to", to), limit, offset);
        return new AuditPage(entries, limit, offset, entries.size() == limit ? offset + limit : null);
    }

    private static OffsetDateTime instant(String name, String value) {
        if (value == null) return null;
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(
                    name, "must be an ISO-8601 date-time with offset, e.g. 2026-01-31T08:00:00Z");
        }
    }
}
