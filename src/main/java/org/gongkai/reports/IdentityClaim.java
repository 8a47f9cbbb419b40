package org.gongkai.reports;

import java.util.Objects;
import org.gongkai.storage.UnresolvedStore;

/**
 * Who wrote an unresolved report and which year it covers, as its resolver gives them ({@code PUT
 * /api/reports/{id}/identity} or hints on the same document posted again).
 *
 * @param agencyName the agency's name; may be null only where nothing named it
 * @param regionCode a GB/T 2260 code, or null to resolve the region from the name
 * @param year the year covered; null when nobody gave one
 */
public record IdentityClaim(String agencyName, String regionCode, Integer year) {

    /** This claim completed by what is known of the unresolved report {@code p} (for the parts this one leaves null). */
    public IdentityClaim completing(UnresolvedStore.Pending p) {
        String name = agencyName != null ? agencyName : p.agencyName();
        // the region the document resolved to belongs to the name it gave, not to another one
        String region = regionCode != null ? regionCode : Objects.equals(name, p.agencyName()) ? p.regionCode() : null;
        Integer y = year != null ? year : p.year() == UnresolvedStore.UNKNOWN_YEAR ? null : p.year();
        return new IdentityClaim(name, region, y);
    }
}
