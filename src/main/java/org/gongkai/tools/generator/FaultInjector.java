package org.gongkai.tools.generator;

import static org.gongkai.tools.generator.RequestTableKeys.TOTAL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.metrics.CheckRule;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;

/**
 * Breaks a chosen share of table-format reports the way real ones are broken, and says which checks must fail. Faults
 * draw from their own random stream, so a report's clean figures are the same whatever the fault share; no fault
 * touches 结转下年度继续办理, so a fault never breaks the next year's chain by accident.
 */
final class FaultInjector {

    private static final MetricCatalogue CATALOGUE = MetricCatalogue.standard();
    private static final String GRANTED = RequestTableKeys.OUTCOME_ROWS.get(0);
    private static final String PARTIAL = RequestTableKeys.OUTCOME_ROWS.get(1);
    // The rules a fault breaks, named as the catalogue names them: the rule that adds one cell into another.
    private static final String ROW_TOTAL = ruleAdding(
            RequestTableKeys.cell(RequestTableKeys.NEW, 0), RequestTableKeys.cell(RequestTableKeys.NEW, TOTAL));
    private static final String BALANCE = ruleAdding(
            RequestTableKeys.cell(RequestTableKeys.NEW, TOTAL),
            RequestTableKeys.cell(RequestTableKeys.CARRIED_FORWARD, TOTAL));
    private static final String OUTCOME_TOTAL_RULE = ruleAdding(
            RequestTableKeys.cell(GRANTED, TOTAL), RequestTableKeys.cell(RequestTableKeys.OUTCOME_TOTAL, TOTAL));

    private final long seed;
    private final double probability;

    /** @param probability chance that one table-format report carries a fault */
    FaultInjector(long seed, double probability) {
        this.seed = seed;
        this.probability = probability;
    }

    /** Perhaps breaks the draft in place; {@code previous} is the agency's report of the year before, if generated. */
    Optional<InjectedFault> inject(ReportDraft draft, ReportDraft previous) {
        if (draft.format() == ReportFormat.NARRATIVE || probability <= 0) return Optional.empty();
        RandomDraws draws =
                new RandomDraws(RandomDraws.seedFor(seed, draft.agency().identity() * 64 + (draft.year() - 2000), 2));
        if (!draws.chance(probability)) return Optional.empty();
        int kinds = previous == null ? 4 : 5;
        FaultKind kind = FaultKind.values()[draws.uniform(kinds)];
        Map<String, Figure> f = draft.figures();
        List<CellChange> changes = new ArrayList<>();
        List<ExpectedFailure> failures = new ArrayList<>();
        String rule;
        switch (kind) {
            case ROW_TOTAL_OFF -> {
                String row = List.of(RequestTableKeys.NEW, GRANTED, PARTIAL).get(draws.uniform(3));
                shift(
                        f,
                        RequestTableKeys.cell(row, TOTAL),
                        signedOne(draws, f, RequestTableKeys.cell(row, TOTAL)),
                        changes);
                rule = ROW_TOTAL;
                failures.add(new ExpectedFailure(ROW_TOTAL, row, "total"));
                failures.add(
                        row.equals(RequestTableKeys.NEW)
                                ? new ExpectedFailure(BALANCE, null, "total")
                                : new ExpectedFailure(OUTCOME_TOTAL_RULE, RequestTableKeys.OUTCOME_TOTAL, "total"));
            }
            case BALANCE_OFF -> {
                int column = applicantColumn(draws);
                long delta = signedFew(draws, f, RequestTableKeys.cell(RequestTableKeys.NEW, column));
                shift(f, RequestTableKeys.cell(RequestTableKeys.NEW, column), delta, changes);
                shift(f, RequestTableKeys.cell(RequestTableKeys.NEW, TOTAL), delta, changes);
                rule = BALANCE;
                failures.add(new ExpectedFailure(BALANCE, null, RequestTableKeys.column(column)));
                failures.add(new ExpectedFailure(BALANCE, null, "total"));
            }
            case OUTCOME_SUM_OFF -> {
                int column = applicantColumn(draws);
                long delta = signedFew(draws, f, RequestTableKeys.cell(GRANTED, column));
                shift(f, RequestTableKeys.cell(GRANTED, column), delta, changes);
                shift(f, RequestTableKeys.cell(GRANTED, TOTAL), delta, changes);
                rule = OUTCOME_TOTAL_RULE;
                failures.add(new ExpectedFailure(
                        OUTCOME_TOTAL_RULE, RequestTableKeys.OUTCOME_TOTAL, RequestTableKeys.column(column)));
                failures.add(new ExpectedFailure(OUTCOME_TOTAL_RULE, RequestTableKeys.OUTCOME_TOTAL, "total"));
            }
            case CASE_TOTAL_OFF -> {
                String group = RequestTableKeys.CASE_GROUPS.get(draws.uniform(3));
                List<Metric> cells = CATALOGUE.row(group);
                String key = cells.get(cells.size() - 1).key();
                shift(f, key, signedOne(draws, f, key), changes);
                rule = ruleAdding(cells.get(0).key(), key);
                failures.add(new ExpectedFailure(rule, group, "total"));
            }
            case CARRIED_OVER_CHAIN_BROKEN -> {
                // The year still balances: the extra requests carried over were, it says, granted.
                int column = applicantColumn(draws);
                long delta = draws.between(1, 5);
                for (String row : List.of(RequestTableKeys.CARRIED_OVER, GRANTED, RequestTableKeys.OUTCOME_TOTAL)) {
                    shift(f, RequestTableKeys.cell(row, column), delta, changes);
                    shift(f, RequestTableKeys.cell(row, TOTAL), delta, changes);
                }
                rule = CarriedOverChain.RULE;
                if (previous.figures().containsKey(RequestTableKeys.cell(RequestTableKeys.CARRIED_FORWARD, column))) {
                    failures.add(
                            new ExpectedFailure(rule, RequestTableKeys.CARRIED_OVER, RequestTableKeys.column(column)));
                }
                failures.add(new ExpectedFailure(rule, RequestTableKeys.CARRIED_OVER, "total"));
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return Optional.of(new InjectedFault(kind, rule, changes, failures));
    }

    /** The name of the catalogue's check rule that adds {@code part} into {@code total}. */
    private static String ruleAdding(String part, String total) {
        return CATALOGUE.checks().stream()
                .filter(r -> r.left().contains(part) && r.right().contains(total))
                .map(CheckRule::rule)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no check rule adds " + part + " into " + total));
    }

    /** Natural persons file most requests, so most slips are in their column. */
    private static int applicantColumn(RandomDraws draws) {
        return draws.chance(0.6) ? 0 : draws.uniform(RequestTableKeys.APPLICANTS.size());
    }

    /** +1 or −1, never below zero. */
    private static long signedOne(RandomDraws draws, Map<String, Figure> f, String key) {
        return draws.chance(0.5) && value(f, key) > 0 ? -1 : 1;
    }

    /** ±1…3, never below zero. */
    private static long signedFew(RandomDraws draws, Map<String, Figure> f, String key) {
        long size = draws.between(1, 3);
        return draws.chance(0.5) && value(f, key) >= size ? -size : size;
    }

    private static long value(Map<String, Figure> f, String key) {
        return f.get(key).value().longValueExact();
    }

    private static void shift(Map<String, Figure> f, String key, long delta, List<CellChange> changes) {
        Figure before = f.get(key);
        BigDecimal after = before.value().add(BigDecimal.valueOf(delta));
        f.put(key, Figure.of(after, before.bound(), before.source()));
        changes.add(new CellChange(key, before.value(), after));
    }
}
