package org.gongkai.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;
import org.gongkai.metrics.CheckRule;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;

/**
 * The arithmetic of FORMAT.md (勾稽关系) run over one report's figures, subtotals already derived. The rules are
 * catalogue data ({@link MetricCatalogue#checks()}). A rule whose terms are not all present is not run: a missing
 * cell is listed as missing, not as a failed check.
 */
public final class CrossChecks {

    private final MetricCatalogue catalogue;

    public CrossChecks(MetricCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public List<CheckResult> run(Map<String, Figure> figures) {
        List<CheckResult> out = new ArrayList<>();
        for (CheckRule rule : catalogue.checks()) check(figures, rule).ifPresent(out::add);
        return out;
    }

    /** expected = sum(left), actual = sum(right); run only when every term is present. */
    private Optional<CheckResult> check(Map<String, Figure> figures, CheckRule rule) {
        if (!rule.left().stream().allMatch(figures::containsKey)
                || !rule.right().stream().allMatch(figures::containsKey)) {
            return Optional.empty();
        }
        BigDecimal expected = sum(figures, rule.left());
        BigDecimal actual = sum(figures, rule.right());
        boolean passed = expected.compareTo(actual) == 0;
        String where = (rule.row() == null ? "" : label(rule.row()) + " ") + "column " + rule.column();
        String message = passed
                ? rule.relation() + " holds for " + where
                : rule.relation() + " fails for " + where + ": expected " + expected.toPlainString() + ", found "
                        + actual.toPlainString();
        return Optional.of(new CheckResult(rule.rule(), rule.row(), rule.column(), passed, expected, actual, message));
    }

    private String label(String row) {
        List<Metric> cells = catalogue.row(row);
        return cells.isEmpty() ? row : cells.get(0).rowLabel();
    }

    private static BigDecimal sum(Map<String, Figure> figures, List<String> keys) {
        return keys.stream().map(k -> figures.get(k).value()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
