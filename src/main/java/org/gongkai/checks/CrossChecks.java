package org.gongkai.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;

/**
 * The arithmetic of FORMAT.md (勾稽关系) run over one report's figures, subtotals already derived. A rule whose terms
 * are not all present is not run: a missing cell is listed as missing, not as a failed check.
 */
public final class CrossChecks {

    private static final List<String> APPLICANT_COLUMNS =
            List.of("natural_person", "commercial", "research", "social_org", "legal_services", "other_org");
    private static final List<String> OUTCOME_PARTS = List.of(
            "outcome.granted",
            "outcome.partial",
            "outcome.denied",
            "outcome.unavailable",
            "outcome.not_processed",
            "outcome.other");
    private static final List<String> CASE_GROUPS = List.of("review", "litigation.direct", "litigation.after_review");
    private static final List<String> CASE_PARTS = List.of("upheld", "corrected", "other", "pending");

    private final MetricCatalogue catalogue;

    public CrossChecks(MetricCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public List<CheckResult> run(Map<String, Figure> figures) {
        List<CheckResult> out = new ArrayList<>();
        List<String> columns = new ArrayList<>(APPLICANT_COLUMNS);
        columns.add("total");
        for (String col : columns) {
            check(
                            figures,
                            "requests.balance",
                            null,
                            col,
                            List.of("requests.new." + col, "requests.carried_over." + col),
                            List.of("outcome.total." + col, "requests.carried_forward." + col),
                            "一 + 二 = 三（七）总计 + 四")
                    .ifPresent(out::add);
            check(
                            figures,
                            "outcome.total",
                            "outcome.total",
                            col,
                            OUTCOME_PARTS.stream().map(p -> p + "." + col).toList(),
                            List.of("outcome.total." + col),
                            "（七）总计 = （一）+（二）+（三）+（四）+（五）+（六）")
                    .ifPresent(out::add);
        }
        for (String row : catalogue.rowKeys()) {
            if (!catalogue
                    .find(row + ".total")
                    .map(m -> "requests".equals(m.section()))
                    .orElse(false)) continue;
            check(
                            figures,
                            "requests.row_total",
                            row,
                            "total",
                            APPLICANT_COLUMNS.stream().map(c -> row + "." + c).toList(),
                            List.of(row + ".total"),
                            "总计 = 自然人 + 法人或其他组织")
                    .ifPresent(out::add);
        }
        for (String group : CASE_GROUPS) {
            check(
                            figures,
                            group + ".total",
                            group,
                            "total",
                            CASE_PARTS.stream().map(p -> group + "." + p).toList(),
                            List.of(group + ".total"),
                            "总计 = 维持 + 纠正 + 其他 + 尚未审结")
                    .ifPresent(out::add);
        }
        return out;
    }

    /** expected = sum(left), actual = sum(right); run only when every term is present. */
    private Optional<CheckResult> check(
            Map<String, Figure> figures,
            String rule,
            String row,
            String column,
            List<String> left,
            List<String> right,
            String relation) {
        if (!left.stream().allMatch(figures::containsKey) || !right.stream().allMatch(figures::containsKey)) {
            return Optional.empty();
        }
        BigDecimal expected = sum(figures, left);
        BigDecimal actual = sum(figures, right);
        boolean passed = expected.compareTo(actual) == 0;
        String where = (row == null ? "" : label(row) + " ") + "column " + column;
        String message = passed
                ? relation + " holds for " + where
                : relation + " fails for " + where + ": expected " + expected.toPlainString() + ", found "
                        + actual.toPlainString();
        return Optional.of(new CheckResult(rule, row, column, passed, expected, actual, message));
    }

    private String label(String row) {
        List<Metric> cells = catalogue.row(row);
        return cells.isEmpty() ? row : cells.get(0).rowLabel();
    }

    private static BigDecimal sum(Map<String, Figure> figures, List<String> keys) {
        return keys.stream().map(k -> figures.get(k).value()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
