package org.gongkai.canonical;

/**
 * How a parsed figure's value was obtained, from the surest to the least sure. Stored with the source and shown with
 * every figure so that a reader (and the review queue) can tell a printed cell from a value the parser inferred.
 */
public enum SourceMethod {
    /** A table cell found under its printed row and column labels. */
    LABEL("label"),
    /** A table cell whose labels matched only loosely (typos, abbreviations, wrapped labels). */
    LOOSE_LABEL("loose-label"),
    /** Digits run together in the text, split into cells as the only split that satisfies the table's arithmetic. */
    ARITHMETIC_SPLIT("arithmetic-split"),
    /** A row of the pre-2019 statistics annex (政府信息公开情况统计表), its 本年度 column. */
    ANNEX_ROW("annex-row"),
    /** A number read from a sentence by a pattern. */
    PROSE_PATTERN("prose-pattern"),
    /** A value read by OCR, validated by the table's arithmetic. */
    OCR("ocr"),
    /** A value read by OCR with a character corrected against the table's arithmetic or the region directory. */
    OCR_CORRECTION("ocr-correction");

    private final String code;

    SourceMethod(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
