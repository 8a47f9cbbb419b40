package org.gongkai.checks;

import java.util.List;
import java.util.Map;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;

/**
 * What Gongkai stores with a report revision beyond its own figures: the subtotals it derived, every check result
 * (the producer's findings first) and the printed cells that are missing.
 */
public record Assessment(Map<String, Figure> figures, List<CheckResult> checks, List<String> missing) {

    public long failedChecks() {
        return checks.stream().filter(c -> !c.passed()).count();
    }
}
