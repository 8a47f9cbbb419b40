package org.gongkai.tools.generator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.ReportFormat;

/**
 * One agency-year before faults are injected: its figures stay mutable until it becomes a {@link CanonicalReport}.
 *
 * @param subtotals the unprinted subtotals, summed from the draws ({@link DrawnSubtotals})
 */
record ReportDraft(
        Agency agency,
        int year,
        ReportFormat format,
        LocalDate publishedOn,
        Map<String, Figure> figures,
        Map<String, Long> subtotals) {

    CanonicalReport toReport() {
        return new CanonicalReport(
                agency.name(), agency.regionCode(), year, format, publishedOn, null, figures, List.of());
    }
}
