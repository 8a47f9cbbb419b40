package org.gongkai.tools.generator;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.CanonicalReport;

/**
 * One generated report, the agency that wrote it, and the faults deliberately put into it (usually none).
 *
 * @param subtotals the section-三 subtotals the report does not print, summed from the generator's draws: what Gongkai
 *     must derive (no fault touches their parts)
 */
public record GeneratedReport(
        Agency agency, CanonicalReport report, List<InjectedFault> faults, Map<String, Long> subtotals) {

    public GeneratedReport {
        faults = List.copyOf(faults);
        subtotals = Map.copyOf(subtotals);
    }

    /** The figures Gongkai should hold once it has derived the subtotals: the report's, and the drawn subtotals. */
    public Map<String, BigDecimal> expectedValues() {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        report.figures().forEach((key, figure) -> out.put(key, figure.value()));
        subtotals.forEach((key, value) -> out.put(key, BigDecimal.valueOf(value)));
        return out;
    }

    public boolean faulty() {
        return !faults.isEmpty();
    }
}
