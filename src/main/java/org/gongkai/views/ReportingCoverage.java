package org.gongkai.views;

import java.util.List;

/**
 * Who reported for a year in a region, who did not though they reported in an earlier year, and which reports were
 * received but could not be told apart (unresolved: counted in no aggregate until their identity is given).
 *
 * @param missing agencies with an earlier report but none for the year, with the last year they reported
 * @param unresolved unresolved reports that may belong here: their document places them in the region (their region
 *     scope lies within it; those placed nowhere count only without a region filter), and their year is the year
 *     asked or unknown
 */
public record ReportingCoverage(
        String regionCode,
        int year,
        long reported,
        long missingCount,
        List<Agency> missing,
        List<Agency> reportedAgencies,
        long unresolved,
        List<UnresolvedReport> unresolvedReports) {

    /** An agency and the latest year it reported for. */
    public record Agency(String id, String name, String regionCode, int lastYear) {}

    /**
     * A report received but not resolved: the agency name its document gave, the narrowest region it places itself
     * in, its year when known, and what is missing.
     */
    public record UnresolvedReport(
            String id, String documentId, String agencyName, String regionCode, Integer year, List<String> missing) {}
}
