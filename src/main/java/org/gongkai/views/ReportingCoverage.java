package org.gongkai.views;

import java.util.List;

/**
 * Who reported for a year in a region, and who did not though they reported in an earlier year.
 *
 * @param missing agencies with an earlier report but none for the year, with the last year they reported
 */
public record ReportingCoverage(
        String regionCode,
        int year,
        long reported,
        long missingCount,
        List<Agency> missing,
        List<Agency> reportedAgencies) {

    /** An agency and the latest year it reported for. */
    public record Agency(String id, String name, String regionCode, int lastYear) {}
}
