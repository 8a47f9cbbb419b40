package org.gongkai.exports;

/**
 * Keeps text cells from being run as formulas when a CSV is opened in a spreadsheet (CSV injection, OWASP): text
 * beginning with {@code = + - @}, a tab or a carriage return gets a leading apostrophe. Numbers are never text here,
 * so a negative count stays a number.
 */
public final class FormulaGuard {

    private FormulaGuard() {}

    public static String guard(String text) {
        if (text == null || text.isEmpty()) return text;
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
