package org.gongkai.parsing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.parsing.RunTogetherCells.Piece;

/**
 * Chooses among the cuts of several run-together rows of one table with the sums that bind its rows: a cut of a row
 * survives when some choice of cuts for the other rows makes every sum hold. A sum whose rows were not all read is
 * not used; when no choice satisfies every sum, the table breaks its own arithmetic and nothing is narrowed.
 */
final class ColumnSums {

    private static final int MAX_COMBINATIONS = 100_000;

    /** In every column, the cells of the {@code parts} rows add up to those of the {@code totals} rows. */
    record Sum(List<String> parts, List<String> totals) {

        boolean readFrom(Set<String> read) {
            return read.containsAll(parts) && read.containsAll(totals);
        }

        boolean involves(List<String> rows) {
            return parts.stream().anyMatch(rows::contains) || totals.stream().anyMatch(rows::contains);
        }

        /** Does the sum hold in every column where all its cells state a number? */
        boolean holds(Map<String, Piece[]> choice, int columns) {
            for (int col = 0; col < columns; col++) {
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

    private final int columns;
    private final List<Sum> sums;

    ColumnSums(int columns, List<Sum> sums) {
        this.columns = columns;
        this.sums = sums;
    }

    /** Narrows each row's candidates (keyed by row) to those the sums allow; modifies the lists in place. */
    void narrow(Map<String, List<Piece[]>> candidatesByRow) {
        List<String> ambiguous = new ArrayList<>();
        Set<String> read = new HashSet<>();
        candidatesByRow.forEach((row, cands) -> {
            if (cands.size() > 1) ambiguous.add(row);
            if (!cands.isEmpty()) read.add(row);
        });
        if (ambiguous.isEmpty()) return;
        List<Sum> usable = new ArrayList<>();
        for (Sum sum : sums) {
            if (sum.readFrom(read) && sum.involves(ambiguous)) usable.add(sum);
        }
        if (usable.isEmpty()) return;
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
        new Search(ambiguous, candidatesByRow, choice, usable, surviving).run(0, new int[ambiguous.size()]);
        if (surviving.get(ambiguous.get(0)).isEmpty()) return;
        for (String row : ambiguous) {
            List<Piece[]> cands = candidatesByRow.get(row);
            List<Piece[]> kept = new ArrayList<>();
            for (int c = 0; c < cands.size(); c++) if (surviving.get(row).contains(c)) kept.add(cands.get(c));
            cands.clear();
            cands.addAll(kept);
        }
    }

    private final class Search {
        private final List<String> ambiguous;
        private final Map<String, List<Piece[]>> candidatesByRow;
        private final Map<String, Piece[]> choice;
        private final List<Sum> usable;
        private final Map<String, Set<Integer>> surviving;

        Search(
                List<String> ambiguous,
                Map<String, List<Piece[]>> candidatesByRow,
                Map<String, Piece[]> choice,
                List<Sum> usable,
                Map<String, Set<Integer>> surviving) {
            this.ambiguous = ambiguous;
            this.candidatesByRow = candidatesByRow;
            this.choice = choice;
            this.usable = usable;
            this.surviving = surviving;
        }

        void run(int depth, int[] index) {
            if (depth == ambiguous.size()) {
                for (Sum sum : usable) if (!sum.holds(choice, columns)) return;
                for (int d = 0; d < ambiguous.size(); d++)
                    surviving.get(ambiguous.get(d)).add(index[d]);
                return;
            }
            String row = ambiguous.get(depth);
            List<Piece[]> cands = candidatesByRow.get(row);
            for (int c = 0; c < cands.size(); c++) {
                index[depth] = c;
                choice.put(row, cands.get(c));
                run(depth + 1, index);
            }
        }
    }
}
