package org.gongkai.parsing;

import java.math.BigDecimal;

/**
 * One cell of the normalized text: a line, a tab- or pipe-separated field, or a space-separated run.
 *
 * @param value the number a VALUE cell holds; null for "—", "/", "无" and for labels and blanks
 * @param wholeLine the cell is the whole of its line (a heading or a cell-per-line layout)
 * @param lineHasNumber some cell of the same line holds a number (tells a blank cell from layout padding)
 * @param runTogether the cell was cut from a line without tab or pipe separators, so a value cell may hold several
 *     table cells whose digits ran together ("713000074")
 */
record Cell(
        String text,
        int start,
        int end,
        CellKind kind,
        BigDecimal value,
        int line,
        boolean wholeLine,
        boolean lineHasNumber,
        boolean runTogether) {

    boolean isLabel() {
        return kind == CellKind.LABEL;
    }
}
