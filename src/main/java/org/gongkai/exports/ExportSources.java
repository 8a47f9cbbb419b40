package org.gongkai.exports;

import java.time.Instant;
import java.util.List;
import org.gongkai.queries.Coverage;

/**
 * What an exported table was made from, for the "sources" sheet: the question asked, when, and the reports behind
 * the numbers.
 *
 * @param title what the export is (e.g. "query", "年报对比表 comparison")
 * @param request the request as JSON, exactly as it can be sent again
 * @param coverage how many reports and agencies stand behind the numbers, null when unknown
 * @param reports the report revisions behind the numbers when the source lists them (may be cut short, see
 *     {@code reportsOmitted})
 * @param reportsOmitted how many further reports stand behind the numbers but are not listed
 */
public record ExportSources(
        String title,
        String request,
        Instant generatedAt,
        Coverage coverage,
        List<ReportRevision> reports,
        long reportsOmitted) {

    public ExportSources {
        reports = reports == null ? List.of() : List.copyOf(reports);
    }

    public static ExportSources of(String title, String request, Coverage coverage) {
        return new ExportSources(title, request, Instant.now(), coverage, List.of(), 0);
    }

    /** One report revision behind exported numbers. */
    public record ReportRevision(long id, String agency, int year, int revision, int failedChecks) {}
}
