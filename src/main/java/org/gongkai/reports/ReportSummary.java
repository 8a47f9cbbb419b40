package org.gongkai.reports;

import java.time.LocalDate;

/** One line of {@code GET /api/reports}: the report's identity without its figures. */
public record ReportSummary(
        String id,
        StoredReport.AgencyView agency,
        int year,
        String format,
        int revision,
        boolean latest,
        String documentId,
        LocalDate publishedOn,
        int failedChecks,
        int missingCells) {}
