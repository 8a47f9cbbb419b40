package org.gongkai.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.metrics.MetricCatalogue;

/** Derives subtotals, runs the cross-checks and lists missing cells for one report. */
public final class ReportAssessor {

    private final DerivedFigures derived;
    private final CrossChecks crossChecks;
    private final MissingCells missingCells;

    public ReportAssessor(MetricCatalogue catalogue) {
        this.derived = new DerivedFigures(catalogue);
        this.crossChecks = new CrossChecks(catalogue);
        this.missingCells = new MissingCells(catalogue);
    }

    public Assessment assess(CanonicalReport report) {
        Map<String, Figure> figures = derived.complete(report.format(), report.figures());
        List<CheckResult> checks = new ArrayList<>(report.findings());
        checks.addAll(crossChecks.run(figures));
        List<String> missing = report.format() == ReportFormat.NARRATIVE
                ? List.of()
                : missingCells.of(report.format(), report.figures().keySet());
        return new Assessment(figures, checks, missing);
    }
}
