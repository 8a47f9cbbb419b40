package org.gongkai.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * One line of {@code GET /api/reports}: the report's identity without its figures.
 *
 * @param year null for an unresolved report whose year is unknown
 * @param missingIdentity what an unresolved report's identity lacks; empty when resolved
 */
public record ReportSummary(
        String id,
        StoredReport.AgencyView agency,
        Integer year,
        String format,
        int revision,
        boolean latest,
        String documentId,
        LocalDate publishedOn,
        int failedChecks,
        int missingCells,
        String status,
        List<String> missingIdentity) {}
