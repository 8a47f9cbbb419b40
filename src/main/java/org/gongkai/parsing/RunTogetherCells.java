package org.gongkai.parsing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts value cells whose digits ran together ("713000074", "0 0 0 0 0 00") into the cells of a table row, every way
 * the digits allow: a space always separates cells, a cell has no leading zero ("02" is two cells), a sign only starts
 * a cell and a decimal point stays inside the last cell of its run. A {@link Check} (the table's arithmetic) drops the
 * cuts it rejects as soon as enough cells are cut to judge them. The enumeration is bounded: past {@link #MAX_STEPS}
 * steps it gives up and reports itself exhausted, which callers treat as ambiguous.
 */
final class RunTogetherCells {

    /** No count in these tables has more digits than this. */
    private static final int MAX_CELL_DIGITS = 7;

    private static final int MAX_STEPS = 200_000;
    private static final int MAX_CANDIDATES = 64;

    private RunTogetherCells() {}

    /** One cell cut from a run: its text and offsets in the document, and its value (null for "—"). */
    record Piece(String text, int start, int end, BigDecimal value) {}

    /** The table's arithmetic, asked after each cell is cut: may a row whose first {@code filled} cells are these go on? */
    @FunctionalInterface
    interface Check {
        boolean accept(BigDecimal[] values, int filled);

        Check NONE = (values, filled) -> true;
    }

    /**
     * The cuts found; {@code exhausted} when the enumeration stopped before trying every cut (then the candidates are
     * incomplete and prove nothing).
     */
    record Cuts(List<Piece[]> candidates, boolean exhausted) {

        boolean unique() {
            return !exhausted && candidates.size() == 1;
        }
    }

    /** Can these value cells hold {@code cells} cells between them, so that cutting them is worth trying? */
    static boolean mayHold(List<Cell> values, int cells) {
        if (values.isEmpty() || values.size() >= cells) return false;
        int digits = 0;
        for (Cell v : values) {
            if (!v.runTogether() || !splittable(v.text())) return false;
            digits += v.text().length();
        }
        return digits >= cells;
    }

    /** The cells as printed, one piece each (a row that needed no cutting). */
    static Piece[] asPrinted(List<Cell> values, int cells) {
        Piece[] out = new Piece[cells];
        for (int k = 0; k < cells && k < values.size(); k++) {
            Cell v = values.get(k);
            out[k] = new Piece(v.text(), v.start(), v.end(), v.value());
        }
        return out;
    }

    /** Every cut of the value cells into exactly {@code cells} cells that {@code check} accepts. */
    static Cuts cut(List<Cell> values, int cells, Check check) {
        Search s = new Search(values, cells, check);
        s.run(0, 0, 0);
        return new Cuts(s.found, s.steps > MAX_STEPS || s.found.size() > MAX_CANDIDATES);
    }

    /**
     * The cells all candidates agree on (a cell whose value is the same in every candidate is known whichever cut is
     * right); null where they differ.
     */
    static Piece[] agreed(List<Piece[]> candidates, int cells) {
        Piece[] out = new Piece[cells];
        if (candidates.isEmpty()) return out;
        for (int k = 0; k < cells; k++) {
            Piece first = candidates.get(0)[k];
            boolean same = first != null && first.value() != null;
            for (int c = 1; c < candidates.size() && same; c++) {
                Piece other = candidates.get(c)[k];
                same = other != null && other.value() != null && other.value().compareTo(first.value()) == 0;
            }
            if (same) out[k] = first;
        }
        return out;
    }

    /** "8|855|698, 88|55|698, …" for a finding. */
    static String describe(List<Piece[]> candidates) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < candidates.size() && c < 6; c++) {
            if (c > 0) b.append(", ");
            Piece[] cand = candidates.get(c);
            for (int k = 0; k < cand.length; k++) {
                if (k > 0) b.append('|');
                b.append(cand[k] == null ? "?" : cand[k].text());
            }
        }
        if (candidates.size() > 6) b.append(", … (").append(candidates.size()).append(" in all)");
        return b.toString();
    }

    /** Digits, optionally signed, optionally with a decimal part, or a mark for nothing ("—"). */
    private static boolean splittable(String t) {
        if (CellValues.isAbsentMark(t)) return true;
        int i = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
        boolean dot = false;
        boolean digit = false;
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') digit = true;
            else if (c == '.' && !dot && digit) dot = true;
            else return false;
        }
        return digit && t.charAt(t.length() - 1) != '.';
    }

    private static final class Search {
        private final List<Cell> values;
        private final int cells;
        private final Check check;
        private final Piece[] current;
        private final BigDecimal[] numbers;
        /** minimum and maximum number of cells the runs from index g on can give. */
        private final int[] minAfter;

        private final int[] maxAfter;
        private final List<Piece[]> found = new ArrayList<>();
        private int steps;

        Search(List<Cell> values, int cells, Check check) {
            this.values = values;
            this.cells = cells;
            this.check = check;
            this.current = new Piece[cells];
            this.numbers = new BigDecimal[cells];
            int n = values.size();
            minAfter = new int[n + 1];
            maxAfter = new int[n + 1];
            for (int g = n - 1; g >= 0; g--) {
                String t = values.get(g).text();
                boolean atomic = CellValues.isAbsentMark(t);
                minAfter[g] = minAfter[g + 1] + 1;
                maxAfter[g] = maxAfter[g + 1] + (atomic ? 1 : digitCount(t));
            }
        }

        /** Cuts run g from offset pos on, with {@code filled} cells already cut. */
        void run(int g, int pos, int filled) {
            if (++steps > MAX_STEPS || found.size() > MAX_CANDIDATES) return;
            if (g == values.size()) {
                if (filled == cells) found.add(current.clone());
                return;
            }
            Cell run = values.get(g);
            String t = run.text();
            if (CellValues.isAbsentMark(t)) {
                place(g, 0, t.length(), null, filled);
                return;
            }
            int rest = t.length() - pos;
            for (int len = 1; len <= rest; len++) {
                int end = pos + len;
                BigDecimal value = number(t, pos, end);
                if (value == null) continue;
                if (digitCount(t.substring(pos, end)) > MAX_CELL_DIGITS) break;
                place(g, pos, end, value, filled);
            }
        }

        private void place(int g, int pos, int end, BigDecimal value, int filled) {
            if (filled >= cells) return;
            String t = values.get(g).text();
            boolean runEnds = end == t.length();
            int left = cells - filled - 1;
            int restChars = t.length() - end;
            int min = (runEnds ? 0 : 1) + minAfter[g + 1];
            int max = restChars + maxAfter[g + 1];
            if (left < min || left > max) return;
            Cell run = values.get(g);
            current[filled] = new Piece(t.substring(pos, end), run.start() + pos, run.start() + end, value);
            numbers[filled] = value;
            if (!check.accept(numbers, filled + 1)) return;
            if (runEnds) run(g + 1, 0, filled + 1);
            else run(g, end, filled + 1);
        }

        /** The number t[pos, end) states as one cell, or null when it cannot be one (leading zero, cut decimal). */
        private static BigDecimal number(String t, int pos, int end) {
            int i = pos;
            if (t.charAt(i) == '+' || t.charAt(i) == '-') {
                if (pos != 0) return null;
                i++;
            }
            if (i >= end || t.charAt(i) == '.' || t.charAt(end - 1) == '.') return null;
            if (end < t.length() && t.charAt(end) == '.') return null;
            int dot = t.indexOf('.', i);
            if (dot >= 0 && dot < end && end != t.length()) return null;
            int integralEnd = dot >= 0 && dot < end ? dot : end;
            if (integralEnd - i > 1 && t.charAt(i) == '0') return null;
            BigDecimal v = new BigDecimal(t.substring(i, end));
            return t.charAt(pos) == '-' ? v.negate() : v;
        }

        private static int digitCount(String t) {
            int n = 0;
            for (int i = 0; i < t.length(); i++) if (Character.isDigit(t.charAt(i))) n++;
            return n;
        }
    }
}
