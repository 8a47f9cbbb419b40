package org.gongkai.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;
import org.gongkai.regions.RegionDirectory;

/**
 * What a caller may read or write beyond its role: a supervisor reads under its region, a submitter writes and reads
 * for its region or agency. Resources call it first thing; every refusal is 403 problem+json naming the scope, never
 * a narrowed or empty answer. A supervisor's question that names no region is refused too (not read as "my
 * region"): an answer must never look national when it is not.
 */
@ApplicationScoped
public class Scope {

    @Inject
    SecurityIdentity identity;

    @Inject
    RegionDirectory regions;

    /** The token's caller; empty for an anonymous public reader. */
    public Optional<Caller> caller() {
        return identity.getPrincipal() instanceof Caller c ? Optional.of(c) : Optional.empty();
    }

    /** Is the caller limited to a region or agency (a submitter or supervisor), so that records must be checked. */
    public boolean bound() {
        return caller().map(c -> !c.admin()).orElse(false);
    }

    /**
     * A question about the figures under {@code regionCode} (a query, view, export, schedule or list). Admins and
     * public readers of aggregates may ask about any region; a supervisor or submitter only about one inside its own.
     */
    public void readUnder(String regionCode) {
        Caller c = caller().orElse(null);
        if (c == null || c.admin()) return;
        if (c.agency() != null) {
            throw outside(c, "regionCode", "a token bound to one agency reads that agency's reports by id");
        }
        if (regionCode == null) {
            throw outside(c, "regionCode", "name a regionCode within " + c.regionCode() + " (your scope)");
        }
        if (!contains(c.regionCode(), regionCode)) {
            throw outside(c, "regionCode", regionCode + " is outside your scope " + c.regionCode());
        }
    }

    /** {@link #readUnder} for a query body ({@code filters.regionCode}) or a view's parameters ({@code regionCode}). */
    public void readUnder(JsonNode queryOrParams) {
        if (!bound()) return;
        JsonNode region =
                queryOrParams == null ? null : queryOrParams.path("filters").path("regionCode");
        if (region == null || region.isMissingNode())
            region = queryOrParams == null ? null : queryOrParams.path("regionCode");
        readUnder(region == null || !region.isTextual() ? null : region.asText());
    }

    /**
     * A stored record (a report, a document's report) of an agency in a region: a supervisor reads it when the region
     * is inside its own, a submitter when it is its region (and agency, when bound to one).
     */
    public void read(String regionCode, String agencyName) {
        Caller c = caller().orElse(null);
        if (c == null || c.admin()) return;
        within(c, regionCode, agencyName);
    }

    /** A write for an agency in a region: admins anywhere, a submitter within its binding, nobody else. */
    public void write(String regionCode, String agencyName) {
        Caller c = caller().orElse(null);
        if (c == null || c.admin()) return;
        if (!Roles.SUBMITTER.equals(c.role())) throw outside(c, "", "a " + c.role() + " token writes nothing");
        within(c, regionCode, agencyName);
    }

    private void within(Caller c, String regionCode, String agencyName) {
        if (regionCode == null || !contains(c.regionCode(), regionCode)) {
            throw outside(
                    c,
                    "regionCode",
                    (regionCode == null ? "a report of no known region" : "region " + regionCode)
                            + " is outside your scope " + c.regionCode()
                            + (Roles.SUBMITTER.equals(c.role()) && regionCode == null
                                    ? "; give ?regionCode= within your scope"
                                    : ""));
        }
        if (c.agency() != null && !c.agency().equals(agencyName)) {
            throw outside(c, "agency", "agency " + agencyName + " is not your agency " + c.agency());
        }
    }

    /** Is {@code code} the region {@code scope} or under it (000000 holds every region). */
    public boolean contains(String scope, String code) {
        if (scope == null || code == null) return false;
        if (Tokens.NATION.equals(scope) || scope.equals(code)) return true;
        return regions.lineage(code).stream().anyMatch(r -> r.code().equals(scope));
    }

    private static ProblemException outside(Caller c, String pointer, String message) {
        return new ProblemException(
                403,
                "outside-scope",
                "Outside your scope",
                message,
                List.of(new FieldError(pointer, message)),
                java.util.Map.of("role", c.role(), "scope", c.regionCode() == null ? "" : c.regionCode()));
    }
}
