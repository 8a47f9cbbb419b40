package org.gongkai.canonical;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Provenance of one figure: the exact text it was read from and its offsets in the document's normalized text;
 * for table cells also the row and column labels as printed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(SourceKind kind, String text, Integer start, Integer end, String row, String column) {

    public static Source submitted() {
        return new Source(SourceKind.SUBMITTED, null, null, null, null, null);
    }

    public static Source derived(String formula) {
        return new Source(SourceKind.DERIVED, formula, null, null, null, null);
    }

    public static Source tableCell(String text, int start, int end, String row, String column) {
        return new Source(SourceKind.TABLE, text, start, end, row, column);
    }

    public static Source prose(String text, int start, int end) {
        return new Source(SourceKind.PROSE, text, start, end, null, null);
    }
}
