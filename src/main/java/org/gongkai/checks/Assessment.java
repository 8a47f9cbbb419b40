package org.gongkai.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;

/**
 * What Gongkai stores with a report revision beyond its own figures: the subtotals it derived, the producer's
 * findings, the cross-check results and the printed cells that are missing.
 */
public record Assessment(
        Map<String, Figure> figures, List<CheckResult> findings, List<CheckResult> crossChecks, List<String> missing) {

    /** Every check result, the producer's findings first. */
    public List<CheckResult> checks() {
        List<CheckResult> all = new ArrayList<>(findings);
        all.addAll(crossChecks);
        return all;
    }

    /**
     * The results worth a row: every finding and every failed cross-check. Passed cross-checks are a function of the
     * stored figures and are computed again when read, which keeps ~40 rows per report out of the database.
     */
    public List<Stored> toStore() {
        List<Stored> out = new ArrayList<>();
        findings.forEach(f -> out.add(new Stored(f, true)));
        crossChecks.stream().filter(c -> !c.passed()).forEach(c -> out.add(new Stored(c, false)));
        return out;
    }

    public long failedChecks() {
        return checks().stream().filter(c -> !c.passed()).count();
    }

    /** A check result as stored, marked as the producer's finding or as a cross-check. */
    public record Stored(CheckResult check, boolean finding) {}
}
