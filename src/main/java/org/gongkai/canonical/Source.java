package org.gongkai.canonical;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Provenance of one figure: the exact text it was read from and its offsets in the document's normalized text;
 * for table cells also the row and column labels as printed; how the value was obtained ({@link #method}, see
 * {@link SourceMethod}) and, for paged documents, the page it was printed on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(
        SourceKind kind,
        String text,
        Integer start,
        Integer end,
        String row,
        String column,
        String method,
        Integer page) {

    /** A source without method or page (submitted data, or a reader that does not say). */
    public Source(SourceKind kind, String text, Integer start, Integer end, String row, String column) {
        this(kind, text, start, end, row, column, null, null);
    }

    public static Source submitted() {
        return new Source(SourceKind.SUBMITTED, null, null, null, null, null);
    }

    public static Source derived(String formula) {
        return new Source(SourceKind.DERIVED, formula, null, null, null, null);
    }

    public static Source tableCell(String text, int start, int end, String row, String column) {
        return new Source(SourceKind.TABLE, text, start, end, row, column, SourceMethod.LABEL.code(), null);
    }

    public static Source prose(String text, int start, int end) {
        return new Source(SourceKind.PROSE, text, start, end, null, null, SourceMethod.PROSE_PATTERN.code(), null);
    }

    /** The same source, obtained by {@code method}. */
    public Source withMethod(SourceMethod method) {
        return new Source(kind, text, start, end, row, column, method.code(), page);
    }

    /** The same source, printed on {@code page} (1-based). */
    public Source onPage(Integer page) {
        return new Source(kind, text, start, end, row, column, method, page);
    }
}
