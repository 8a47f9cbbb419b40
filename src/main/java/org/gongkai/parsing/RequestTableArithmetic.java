package org.gongkai.parsing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.canonical.ReportFormat;

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

    /** The column sums of the table in this format. */
    static ColumnSums columnSums(List<FormRow> requestRows, ReportFormat format) {
        List<String> leaves = new ArrayList<>();
        for (FormRow row : requestRows) {
            if (row.rowKey().startsWith("outcome.")
                    && !row.rowKey().equals("outcome.total")
                    && !row.columnsIn(format).isEmpty()) {
                leaves.add(row.rowKey());
            }
        }
        return new ColumnSums(
                COLUMNS,
                List.of(
                        new ColumnSums.Sum(
                                List.of("requests.new", "requests.carried_over"),
                                List.of("outcome.total", "requests.carried_forward")),
                        new ColumnSums.Sum(List.copyOf(leaves), List.of("outcome.total"))));
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
