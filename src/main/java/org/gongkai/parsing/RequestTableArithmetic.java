package org.gongkai.parsing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.parsing.RunTogetherCells.Piece;

/**
 * The arithmetic of the section-三 table (勾稽关系), used to choose among the cuts of rows whose digits ran together:
 * on every row the 总计 column is the sum of the six applicant columns; in every column 一 + 二 = 三（七）+ 四 and
 * （七）总计 is the sum of the outcome rows. A row's cuts are first filtered by its own row sum; rows still ambiguous
 * are then tried together against the column sums, and a cut survives when some choice for the other rows makes every
 * column add up. A column sum is used only when every row it names was read; when no choice satisfies them all, the
 * table breaks its own arithmetic and only the row sums decide.
 */
final class RequestTableArithmetic {

    static final int COLUMNS = 7;
    private static final int MAX_COMBINATIONS = 100_000;
    private static final String NEW = "requests.new";
    private static final String CARRIED_OVER = "requests.carried_over";
    private static final String TOTAL = "outcome.total";
    private static final String CARRIED_FORWARD = "requests.carried_forward";

    /** The row sum: 总计 = 自然人 + the five organisation columns, once all seven cells are cut. */
    static final RunTogetherCells.Check ROW_SUM = (values, filled) -> filled < COLUMNS || adds(values, 0, 6, 6);

    private final List<String> outcomeLeaves;

    RequestTableArithmetic(List<FormRow> requestRows, ReportFormat format) {
        List<String> leaves = new ArrayList<>();
        for (FormRow row : requestRows) {
            if (row.rowKey().startsWith("outcome.")
                    && !row.rowKey().equals(TOTAL)
                    && !row.columnsIn(format).isEmpty()) {
                leaves.add(row.rowKey());
            }
        }
        this.outcomeLeaves = List.copyOf(leaves);
    }

    /** Narrows each row's candidates (by row key, in table order) to those the column sums allow; modifies the lists. */
    void narrow(Map<String, List<Piece[]>> candidatesByRow) {
        List<String> ambiguous = new ArrayList<>();
        candidatesByRow.forEach((row, cands) -> {
            if (cands.size() > 1) ambiguous.add(row);
        });
        if (ambiguous.isEmpty()) return;
        List<ColumnSum> sums = columnSums(candidatesByRow.keySet());
        sums.removeIf(sum -> !sum.involves(ambiguous));
        if (sums.isEmpty()) return;
        long combinations = 1;
        for (String row : ambiguous) {
            combinations *= candidatesByRow.get(row).size();
            if (combinations > MAX_COMBINATIONS) return;
        }
        Map<String, Piece[]> choice = new LinkedHashMap<>();
        candidatesByRow.forEach((row, cands) -> {
            if (cands.size() == 1) choice.put(row, cands.get(0));
        });
        Map<String, Set<Integer>> surviving = new LinkedHashMap<>();
        for (String row : ambiguous) surviving.put(row, new HashSet<>());
        int[] index = new int[ambiguous.size()];
        search(0, ambiguous, index, candidatesByRow, choice, sums, surviving);
        if (surviving.get(ambiguous.get(0)).isEmpty()) return;
        for (String row : ambiguous) {
            List<Piece[]> cands = candidatesByRow.get(row);
            List<Piece[]> kept = new ArrayList<>();
            for (int c = 0; c < cands.size(); c++) if (surviving.get(row).contains(c)) kept.add(cands.get(c));
            cands.clear();
            cands.addAll(kept);
        }
    }

    private void search(
            int depth,
            List<String> ambiguous,
            int[] index,
            Map<String, List<Piece[]>> candidatesByRow,
            Map<String, Piece[]> choice,
            List<ColumnSum> sums,
            Map<String, Set<Integer>> surviving) {
        if (depth == ambiguous.size()) {
            for (ColumnSum sum : sums) if (!sum.holds(choice)) return;
            for (int d = 0; d < ambiguous.size(); d++)
                surviving.get(ambiguous.get(d)).add(index[d]);
            return;
        }
        String row = ambiguous.get(depth);
        List<Piece[]> cands = candidatesByRow.get(row);
        for (int c = 0; c < cands.size(); c++) {
            index[depth] = c;
            choice.put(row, cands.get(c));
            search(depth + 1, ambiguous, index, candidatesByRow, choice, sums, surviving);
        }
        choice.remove(row);
    }

    /** One column sum of the table: in every column, the cells of the {@code parts} rows add up to {@code totals}. */
    private record ColumnSum(List<String> parts, List<String> totals) {

        boolean involves(List<String> rows) {
            return parts.stream().anyMatch(rows::contains) || totals.stream().anyMatch(rows::contains);
        }

        /** Does the sum hold in every column where all its cells state a number? */
        boolean holds(Map<String, Piece[]> choice) {
            for (int col = 0; col < COLUMNS; col++) {
                BigDecimal left = total(parts, choice, col);
                BigDecimal right = total(totals, choice, col);
                if (left != null && right != null && left.compareTo(right) != 0) return false;
            }
            return true;
        }

        private static BigDecimal total(List<String> rows, Map<String, Piece[]> choice, int col) {
            BigDecimal sum = BigDecimal.ZERO;
            for (String row : rows) {
                Piece p = choice.get(row)[col];
                if (p == null || p.value() == null) return null;
                sum = sum.add(p.value());
            }
            return sum;
        }
    }

    /** The column sums whose rows were all read. */
    private List<ColumnSum> columnSums(Set<String> read) {
        List<ColumnSum> sums = new ArrayList<>();
        if (read.containsAll(List.of(NEW, CARRIED_OVER, TOTAL, CARRIED_FORWARD))) {
            sums.add(new ColumnSum(List.of(NEW, CARRIED_OVER), List.of(TOTAL, CARRIED_FORWARD)));
        }
        if (read.contains(TOTAL) && read.containsAll(outcomeLeaves)) {
            sums.add(new ColumnSum(outcomeLeaves, List.of(TOTAL)));
        }
        return sums;
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
