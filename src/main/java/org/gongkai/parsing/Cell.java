package org.gongkai.parsing;

import java.math.BigDecimal;

/**
 * One cell of the normalized text: a line, a tab- or pipe-separated field, or a space-separated run.
 *
 * @param value the number a VALUE cell holds; null for "—", "/", "无" and for labels and blanks
 * @param wholeLine the cell is the whole of its line (a heading or a cell-per-line layout)
 * @param lineHasNumber some cell of the same line holds a number (tells a blank cell from layout padding)
 */
record Cell(
        String text,
        int start,
        int end,
        CellKind kind,
        BigDecimal value,
        int line,
        boolean wholeLine,
        boolean lineHasNumber) {

    boolean isLabel() {
        return kind == CellKind.LABEL;
    }
}
