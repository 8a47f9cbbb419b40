package org.gongkai.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** A rule with the words its messages name it by (its row's printed label and its column), made once. */
    private record Prepared(CheckRule rule, String where) {}

    private final List<Prepared> rules;

    public CrossChecks(MetricCatalogue catalogue) {
        List<Prepared> prepared = new ArrayList<>();
        for (CheckRule rule : catalogue.checks()) {
            String where = (rule.row() == null ? "" : label(catalogue, rule.row()) + " ") + "column " + rule.column();
            prepared.add(new Prepared(rule, where));
        }
        this.rules = List.copyOf(prepared);
    }

    public List<CheckResult> run(Map<String, Figure> figures) {
        List<CheckResult> out = new ArrayList<>(rules.size());
        for (Prepared p : rules) {
            CheckResult result = check(figures, p);
            if (result != null) out.add(result);
        }
        return out;
    }

    /** expected = sum(left), actual = sum(right); run (non-null) only when every term is present. */
    private static CheckResult check(Map<String, Figure> figures, Prepared p) {
        CheckRule rule = p.rule();
        if (!allPresent(figures, rule.left()) || !allPresent(figures, rule.right())) return null;
        BigDecimal expected = sum(figures, rule.left());
        BigDecimal actual = sum(figures, rule.right());
        boolean passed = expected.compareTo(actual) == 0;
        String message = passed
                ? rule.relation() + " holds for " + p.where()
                : rule.relation() + " fails for " + p.where() + ": expected " + expected.toPlainString() + ", found "
                        + actual.toPlainString();
        return new CheckResult(rule.rule(), rule.row(), rule.column(), passed, expected, actual, message);
    }

    private static String label(MetricCatalogue catalogue, String row) {
        List<Metric> cells = catalogue.row(row);
        return cells.isEmpty() ? row : cells.get(0).rowLabel();
    }

    static boolean allPresent(Map<String, Figure> figures, List<String> keys) {
        for (String k : keys) if (!figures.containsKey(k)) return false;
        return true;
    }

    private static BigDecimal sum(Map<String, Figure> figures, List<String> keys) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String k : keys) sum = sum.add(figures.get(k).value());
        return sum;
    }
}
