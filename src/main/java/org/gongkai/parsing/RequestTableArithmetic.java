package org.gongkai.parsing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;

/**
 * The arithmetic of the section-三 table (勾稽关系), used to choose among the cuts of rows whose digits ran together:
 * on every row the 总计 column is the sum of the six applicant columns ({@link #ROW_SUM}, applied while cutting); in
 * every column 一 + 二 = 三（七）+ 四, and （七）总计 is the sum of the outcome rows ({@link #columnSums}).
 */
final class RequestTableArithmetic {

    static final int COLUMNS = 7;

    /** The row sum: 总计 = 自然人 + the five organisation columns, once all seven cells are cut. */
    static final RunTogetherCells.Check ROW_SUM = (values, filled) -> filled < COLUMNS || adds(values, 0, 6, 6);

    private RequestTableArithmetic() {}

    /** The column sums of the table in this format, its rows named by their roles in the catalogue. */
    static ColumnSums columnSums(MetricCatalogue catalogue, List<FormRow> requestRows, ReportFormat format) {
        // the outcome rows and their parts; those the format prints add up to （七）总计
        Set<String> outcomes = new HashSet<>(catalogue.rowsWithRole("outcome"));
        for (String row : catalogue.rowsWithRole("outcome")) {
            for (Metric cell : catalogue.row(row))
                cell.components()
                        .forEach(part -> outcomes.add(catalogue.get(part).row()));
        }
        List<String> leaves = new ArrayList<>();
        for (FormRow row : requestRows) {
            if (outcomes.contains(row.rowKey()) && !row.columnsIn(format).isEmpty()) leaves.add(row.rowKey());
        }
        String handled = catalogue.rowWithRole("handled");
        return new ColumnSums(
                COLUMNS,
                List.of(
                        new ColumnSums.Sum(
                                List.of(catalogue.rowWithRole("new"), catalogue.rowWithRole("carried_over")),
                                List.of(handled, catalogue.rowWithRole("carried_forward"))),
                        new ColumnSums.Sum(List.copyOf(leaves), List.of(handled))));
    }

    /** values[from..to) adds up to values[total], or some of them state no number. */
    static boolean adds(BigDecimal[] values, int from, int to, int total) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = from; k < to; k++) {
            if (values[k] == null) return true;
            sum = sum.add(values[k]);
        }
        return values[total] == null || sum.compareTo(values[total]) == 0;
    }
}
