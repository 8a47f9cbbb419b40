package org.gongkai.canonical;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One annual report (政府信息公开工作年度报告) reduced to what Gongkai stores: who wrote it, the year it covers, its
 * format, and its figures keyed by catalogue metric, each with its source. Both the JSON submission and the document
 * parser produce this; nothing downstream knows which did.
 *
 * @param findings checks the producer already made (for example prose sub-counts that do not add up)
 */
public record CanonicalReport(
        String agencyName,
        String regionCode,
        int year,
        ReportFormat format,
        LocalDate publishedOn,
        String sourceUrl,
        Map<String, Figure> figures,
        List<CheckResult> findings) {

    public CanonicalReport {
        figures = Map.copyOf(figures);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
