package org.gongkai.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;

/** A stored report revision as {@code GET /api/reports/{id}} returns it (API.md). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StoredReport(
        String id,
        AgencyView agency,
        int year,
        String format,
        int revision,
        boolean latest,
        String documentId,
        LocalDate publishedOn,
        String sourceUrl,
        OffsetDateTime createdAt,
        Map<String, Figure> figures,
        List<CheckResult> checks,
        List<String> missing) {

    /** The agency with its region spelled out by level. */
    public record AgencyView(
            String id, String name, String regionCode, RegionView region, String level, String sector) {}

    /** Province, city and county names; null where the agency sits above that level. */
    public record RegionView(String province, String city, String county) {}
}
