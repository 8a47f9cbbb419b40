package org.gongkai.parsing;

/**
 * Produces the normalized text every provenance offset refers to: full-width ASCII forms folded to half-width, odd
 * spaces made plain, runs of spaces collapsed, lines trimmed, runs of blank lines cut to one. Tabs are kept because
 * they separate table cells.
 */
final class TextNormalizer {

    private static final char DROP = '\u0000';

    private TextNormalizer() {}

    static String normalize(CharSequence in) {
        int n = in.length();
        StringBuilder out = new StringBuilder(n);
        boolean pendingSpace = false;
        boolean lineHasContent = false;
        int newlines = 0;
        for (int i = 0; i < n; i++) {
            char c = in.charAt(i);
            if (c == '\r') {
                if (i + 1 < n && in.charAt(i + 1) == '\n') continue;
                c = '\n';
            }
            c = fold(c);
            if (c == DROP) continue;
            if (c == '\n') {
                pendingSpace = false;
                lineHasContent = false;
                if (out.length() == 0) continue;
                newlines++;
                if (newlines <= 2) out.append('\n');
                continue;
            }
            if (c == ' ') {
                pendingSpace = lineHasContent;
                continue;
            }
            if (c == '\t') {
                pendingSpace = false;
            } else if (pendingSpace && out.length() > 0 && out.charAt(out.length() - 1) != '\t') {
                out.append(' ');
                pendingSpace = false;
            } else {
                pendingSpace = false;
            }
            out.append(c);
            lineHasContent = true;
            newlines = 0;
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') end--;
        out.setLength(end);
        return out.toString();
    }

    /** One character folded; {@link #DROP} for characters that carry nothing. */
    static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') return (char) (c - 0xFEE0);
        if (c < 0x20) {
            if (c == '\t' || c == '\n') return c;
            if (c == 0x0B || c == 0x0C) return '\n';
            return DROP;
        }
        if (c < 0x7F) return c;
        if (c <= 0x9F) return c == 0x85 ? '\n' : DROP;
        switch (c) {
            case '\u00A0', '\u3000', '\u1680', '\u202F', '\u205F' -> {
                return ' ';
            }
            case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD' -> {
                return DROP;
            }
            case '\u2028', '\u2029' -> {
                return '\n';
            }
            default -> {
                if (c >= '\u2000' && c <= '\u200A') return ' ';
                return c;
            }
        }
    }

    /** Folds a short label (from the catalogue) the same way the document text is folded. */
    static String foldLabel(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = fold(s.charAt(i));
            if (c != DROP) b.append(c);
        }
        return b.toString();
    }
}
