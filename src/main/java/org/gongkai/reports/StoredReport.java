package org.gongkai.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;
import org.gongkai.parsing.IdentityEvidence;

/**
 * A stored report revision as {@code GET /api/reports/{id}} returns it (API.md).
 *
 * @param year null for an unresolved report whose year is unknown
 * @param revision 0 for an unresolved report: it is no revision of anything until its identity is given
 * @param missing the cells of the format the report does not print (API.md); not its identity, see
 *     {@code missingIdentity}
 * @param status {@code resolved}, or {@code unresolved}: kept with its figures but counted in no aggregate
 * @param missingIdentity what could not be resolved ({@code agency}, {@code regionCode}, {@code year}); empty when
 *     resolved
 * @param candidates what the document offered for its identity (the parser's candidates), as stored
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StoredReport(
        String id,
        AgencyView agency,
        Integer year,
        String format,
        int revision,
        boolean latest,
        String documentId,
        LocalDate publishedOn,
        String sourceUrl,
        OffsetDateTime createdAt,
        Map<String, Figure> figures,
        List<CheckResult> checks,
        List<String> missing,
        String status,
        List<String> missingIdentity,
        List<IdentityEvidence.Candidate> candidates) {

    public static final String RESOLVED = "resolved";
    public static final String UNRESOLVED = org.gongkai.storage.UnresolvedStore.UNRESOLVED;

    public boolean unresolved() {
        return UNRESOLVED.equals(status);
    }

    /**
     * The agency with its region spelled out by level. For an unresolved report: no id, level or sector, the name the
     * document gave (or null), and as region the narrowest one its candidates share (or null).
     *
     * @param aliases the other names the agency's reports were filed under (平潭县人社局 for 平潭县人力资源和社会保障局), in
     *     the order first seen; empty for an unresolved report; absent from list items
     */
    public record AgencyView(
            String id,
            String name,
            String regionCode,
            RegionView region,
            String level,
            String sector,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> aliases) {

        AgencyView withAliases(List<String> aliases) {
            return new AgencyView(id, name, regionCode, region, level, sector, aliases);
        }
    }

    /** Province, city and county names; null where the agency sits above that level. */
    public record RegionView(String province, String city, String county) {}
}
