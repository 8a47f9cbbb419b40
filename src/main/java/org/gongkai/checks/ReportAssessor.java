package org.gongkai.checks;

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

    /** The cross-checks of stored figures (subtotals included), as they were when the report was assessed. */
    public List<CheckResult> crossChecks(Map<String, Figure> figures) {
        return crossChecks.run(figures);
    }

    public Assessment assess(CanonicalReport report) {
        Map<String, Figure> figures = derived.complete(report.format(), report.figures());
        List<String> missing = report.format() == ReportFormat.NARRATIVE
                ? List.of()
                : missingCells.of(report.format(), report.figures().keySet());
        return new Assessment(figures, report.findings(), crossChecks.run(figures), missing);
    }
}
