package org.gongkai.tools.generator;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;

/**
 * One printed cell of section 二 and the draw of {@link ProactiveYear} that fills it. The cells are the catalogue's:
 * its document rows (规章, 规范性文件: the rows with an {@code issued} column), its item rows (行政许可 … 行政事业性收费: the
 * rows with item counts or decisions, in catalogue order, the order of {@link ProactiveYear}'s arrays) and the one
 * row of procurement; which draw a column takes is the generator's choice.
 *
 * @param documentRow index among the document rows, or -1
 * @param itemRow index among the item rows, or -1
 */
record ProactiveCell(String key, String column, int documentRow, int itemRow) {

    /** The cells a report of this format prints in section 二, in catalogue order. */
    static List<ProactiveCell> printedIn(MetricCatalogue catalogue, ReportFormat format) {
        List<String> documentRows = rowsWithColumn(catalogue, "issued");
        List<String> itemRows = new ArrayList<>(rowsWithColumn(catalogue, "items_prev_year"));
        rowsWithColumn(catalogue, "decisions").stream()
                .filter(r -> !itemRows.contains(r))
                .forEach(itemRows::add);
        List<ProactiveCell> out = new ArrayList<>();
        for (Metric m : catalogue.printedCells(format)) {
            if (!m.section().equals("proactive")) continue;
            out.add(new ProactiveCell(m.key(), m.column(), documentRows.indexOf(m.row()), itemRows.indexOf(m.row())));
        }
        return List.copyOf(out);
    }

    private static List<String> rowsWithColumn(MetricCatalogue catalogue, String column) {
        return catalogue.all().stream()
                .filter(m -> m.section().equals("proactive") && column.equals(m.column()))
                .map(Metric::row)
                .distinct()
                .toList();
    }

    /** Amounts in 万元: fees on an item row, procurement otherwise. */
    boolean isAmount() {
        return column.equals("amount_10k_yuan");
    }

    double amount(ProactiveYear p) {
        return itemRow >= 0 ? p.feesTenThousandYuan() : p.procurementTenThousandYuan();
    }

    /** Decisions are drawn for the first item rows only (行政事业性收费 has none). */
    boolean isDrawn(ProactiveYear p) {
        return !column.equals("decisions") || itemRow < p.decisions().length;
    }

    long count(ProactiveYear p) {
        boolean rules = documentRow == 0;
        return switch (column) {
            case "issued" -> rules ? p.rulesIssued() : p.docsIssued();
                // the 2019 form's 本年新公开数量 of rules: every rule issued is published
            case "published" -> rules ? p.rulesIssued() : p.docsPublished();
            case "repealed" -> rules ? p.rulesRepealed() : p.docsRepealed();
            case "in_force" -> rules ? p.rulesInForce() : p.docsInForce();
            case "items_prev_year" -> p.itemsBefore()[itemRow];
            case "items_change" -> p.itemsChange()[itemRow];
            case "decisions" -> p.decisions()[itemRow];
            case "projects" -> p.procurementProjects();
            default -> throw new IllegalStateException("the generator draws no figure for " + key);
        };
    }
}
