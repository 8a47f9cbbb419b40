package org.gongkai.parsing.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups characters into lines (by vertical overlap) and writes a line as text, with a space only where the gap
 * between two characters is a real word or column gap: CJK text is set without spaces, and justified or
 * letter-spaced Chinese must not fall apart into one-character words.
 */
final class TextLines {

    /** One line of characters, left to right. */
    record Line(List<Glyph> glyphs, float top, float bottom, float left, float right, float size) {

        String text() {
            return TextLines.text(glyphs);
        }
    }

    private TextLines() {}

    static List<Line> group(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(Glyph::centerY).thenComparingDouble(Glyph::x));
        List<List<Glyph>> rows = new ArrayList<>();
        List<Glyph> row = null;
        float rowTop = 0;
        float rowBottom = 0;
        for (Glyph g : sorted) {
            // Same line when the character's middle lies within the line's band.
            if (row != null && g.centerY() >= rowTop && g.centerY() <= rowBottom) {
                row.add(g);
                rowTop = Math.min(rowTop, g.top());
                rowBottom = Math.max(rowBottom, g.bottom());
                continue;
            }
            row = new ArrayList<>();
            row.add(g);
            rows.add(row);
            rowTop = g.top();
            rowBottom = g.bottom();
        }
        List<Line> lines = new ArrayList<>(rows.size());
        for (List<Glyph> r : rows) {
            r.sort(Comparator.comparingDouble(Glyph::x));
            float top = Float.MAX_VALUE, bottom = -Float.MAX_VALUE, size = 0;
            for (Glyph g : r) {
                top = Math.min(top, g.top());
                bottom = Math.max(bottom, g.bottom());
                size = Math.max(size, g.size());
            }
            lines.add(new Line(
                    List.copyOf(r),
                    top,
                    bottom,
                    r.get(0).x(),
                    r.get(r.size() - 1).right(),
                    size));
        }
        return lines;
    }

    static String text(List<Glyph> glyphs) {
        StringBuilder b = new StringBuilder(glyphs.size() + 8);
        Glyph prev = null;
        for (Glyph g : glyphs) {
            if (prev != null && isWordGap(prev, g)) b.append(' ');
            b.append(g.text());
            prev = g;
        }
        return b.toString();
    }

    /** Joins the lines of one table cell: wrapped words join without a space, Latin words with one. */
    static String joinWrapped(List<Line> lines) {
        StringBuilder b = new StringBuilder();
        for (Line l : lines) {
            String t = l.text();
            if (b.length() > 0 && isLatin(b.charAt(b.length() - 1)) && !t.isEmpty() && isLatin(t.charAt(0))) {
                b.append(' ');
            }
            b.append(t);
        }
        return b.toString();
    }

    private static boolean isWordGap(Glyph a, Glyph b) {
        float gap = b.x() - a.right();
        float size = Math.max(1, Math.max(a.size(), b.size()));
        char left = a.text().charAt(a.text().length() - 1);
        char right = b.text().charAt(0);
        if (isWide(left) && isWide(right)) return gap > 1.5f * size;
        if (isWide(left) || isWide(right)) return gap > 0.6f * size;
        return gap > 0.2f * size;
    }

    /** CJK ideographs and full-width punctuation: set solid, without spaces. */
    static boolean isWide(char c) {
        return (c >= '\u2E80' && c <= '\u9FFF')
                || (c >= '\uF900' && c <= '\uFAFF')
                || (c >= '\uFF00' && c <= '\uFFEF')
                || c == '“'
                || c == '”'
                || c == '‘'
                || c == '’'
                || c == '—'
                || c == '…'
                || c == '、';
    }

    static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
