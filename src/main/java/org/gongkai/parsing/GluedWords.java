package org.gongkai.parsing;

import java.util.List;

/**
 * Cuts one space-free word of flattened text into label and value pieces. Crawlers that keep only a page's text run a
 * table's cells together: "规章000行政规范性文件8855698第二十条", "(七)总计723000075四、结转下年度继续办理",
 * "网站公开条41815092.政府公报". A run of digits is a value piece when what follows it starts a label (an ideograph that
 * is not a unit, "(", "+", or the end of the word); a digit followed by "." or "、" and an ideograph is the next item's
 * number ("…00000002.其他法律…" is seven zeros, then item 2). Digits followed by a unit, a date word or punctuation stay
 * inside their label, which keeps prose numbers ("2022年", "申请75件", "占71.3%", "0591-2316") out of the tables. Label
 * pieces are cut again where a numbered item starts ("(四)无法提供1.本机关不掌握…" → "(四)无法提供", "1.本机关不掌握…").
 */
final class GluedWords {

    /** Characters that, right after a number, make it a quantity in prose rather than a table cell. */
    private static final String UNITS = "年月日号时分秒条件项个次人家所宗起篇份期批轮届元万亿千百多余层楼岁天周户套处座位台辆倍名类种部张册场门款间栏版小季度";

    private static final String CHINESE_NUMERALS = "一二三四五六七八九十";

    private GluedWords() {}

    /** A piece of a word: [start, end) in the text, a value or a label, and whether it starts a numbered item. */
    record Piece(int start, int end, boolean value, boolean itemStart) {}

    /** Can the word [from, to) hold more than one piece? Only digits and numbered items cut a word. */
    static boolean mayHoldPieces(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || c == '、' || c == '(') return true;
        }
        return false;
    }

    /** Appends the pieces of the word [from, to) of {@code text}. */
    static void split(String text, int from, int to, List<Piece> out) {
        int labelStart = from;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            boolean signed = c == '+' && i == labelStart && i + 1 < to && isDigit(text.charAt(i + 1));
            if (!signed && !isDigit(c)) {
                i++;
                continue;
            }
            int s = i;
            int e = skipDigits(text, signed ? i + 1 : i, to);
            if (e + 1 < to && text.charAt(e) == '.' && isDigit(text.charAt(e + 1))) e = skipDigits(text, e + 1, to);
            i = e;
            if (s > from && !startsValue(text.charAt(s - 1))) continue;
            int valueEnd = e;
            int numbering = numberingDigits(text, s, e, to);
            if (numbering > 0) valueEnd = e - numbering;
            else if (e < to && !endsValue(text, e)) continue;
            if (valueEnd <= s) continue;
            addLabel(text, labelStart, s, out);
            out.add(new Piece(s, valueEnd, true, false));
            labelStart = valueEnd;
        }
        addLabel(text, labelStart, to, out);
    }

    /** How many of the digits [s, e) number the next item ("…2." before an ideograph); 0 when none do. */
    private static int numberingDigits(String text, int s, int e, int to) {
        if (e + 1 >= to) return 0;
        char sep = text.charAt(e);
        if ((sep != '.' && sep != '、') || !isIdeograph(text.charAt(e + 1))) return 0;
        if (text.charAt(e - 1) != '0') return 1;
        // "10." numbers an item; a lone "0." does not.
        return e - s >= 2 && text.charAt(e - 2) == '1' ? 2 : 0;
    }

    private static boolean startsValue(char before) {
        return isIdeograph(before) || before == ')' || before == ':' || before == '+' || before == '”';
    }

    private static boolean endsValue(String text, int e) {
        char next = text.charAt(e);
        if (next == '(' || next == '+') return true;
        return isIdeograph(next) && UNITS.indexOf(next) < 0;
    }

    private static void addLabel(String text, int from, int to, List<Piece> out) {
        int start = from;
        for (int p = from + 1; p < to; p++) {
            if (startsItem(text, p, to)) {
                out.add(new Piece(start, p, false, startsItem(text, start, to)));
                start = p;
            }
        }
        if (to > start) out.add(new Piece(start, to, false, startsItem(text, start, to)));
    }

    /** Does a numbered item ("三、", "(一)", "(1)", "2.", "2、") start at {@code p}? */
    static boolean startsItem(String text, int p, int to) {
        char c = text.charAt(p);
        char before = p > 0 ? text.charAt(p - 1) : ' ';
        if (c == '(') {
            int q = p + 1;
            while (q < to && q - p <= 3 && (isChineseNumeral(text.charAt(q)) || isDigit(text.charAt(q)))) q++;
            return q > p + 1 && q < to && text.charAt(q) == ')' && before != '第';
        }
        if (isChineseNumeral(c)) {
            return p + 1 < to && text.charAt(p + 1) == '、' && !isChineseNumeral(before) && before != '第';
        }
        if (isDigit(c) && !isDigit(before)) {
            int q = p;
            while (q < to && q - p < 2 && isDigit(text.charAt(q))) q++;
            return q + 1 < to && (text.charAt(q) == '.' || text.charAt(q) == '、') && isIdeograph(text.charAt(q + 1));
        }
        return false;
    }

    private static int skipDigits(String text, int i, int to) {
        while (i < to && isDigit(text.charAt(i))) i++;
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isChineseNumeral(char c) {
        return CHINESE_NUMERALS.indexOf(c) >= 0;
    }

    private static boolean isIdeograph(char c) {
        return c >= '\u4E00' && c <= '\u9FFF' || c == '“' || c == '《';
    }
}
