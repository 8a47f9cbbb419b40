package org.gongkai.parsing;

import java.math.BigDecimal;

/**
 * Reads one table cell as a value: a number as written ("885.1737", "1,234", "+1", "-2", "减少2项", "12件") or a
 * mark that means nothing is stated ("—", "/", "无"). Hand-written rather than a regex because every cell of every
 * document passes through here.
 */
final class CellValues {

    private CellValues() {}

    /** Is the cell a value (a number or a no-number mark)? */
    static boolean isValue(String t) {
        return isAbsentMark(t) || number(t) != null;
    }

    static boolean isAbsentMark(String t) {
        if (t.isEmpty()) return false;
        if (t.equals("无") || t.equals("空") || t.equals("无此项")) return true;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != '-' && c != '—' && c != '–' && c != '/' && c != '\\' && c != '－' && c != '―' && c != '一') {
                return false;
            }
        }
        // A lone "一" is the numeral one in prose but reads as a dash in a table only when doubled.
        return !t.equals("一");
    }

    /** The number a cell states, or null when it states none. */
    static BigDecimal number(String t) {
        int n = t.length();
        if (n == 0 || n > 24) return null;
        int i = 0;
        boolean negative = false;
        if (t.startsWith("减少") || t.startsWith("增加")) {
            negative = t.charAt(0) == '减';
            i = 2;
        } else if (t.charAt(0) == '减' || t.charAt(0) == '增') {
            negative = t.charAt(0) == '减';
            i = 1;
        } else if (t.charAt(0) == '+' || t.charAt(0) == '-') {
            negative = t.charAt(0) == '-';
            i = 1;
        }
        int numberStart = i;
        while (i < n && isNumberChar(t.charAt(i))) i++;
        String numeral = t.substring(numberStart, i);
        if (!wellFormed(numeral)) return null;
        String unit = t.substring(i);
        if (!unit.isEmpty() && !isUnit(unit)) return null;
        BigDecimal v = new BigDecimal(numeral.indexOf(',') >= 0 ? numeral.replace(",", "") : numeral);
        return negative ? v.negate() : v;
    }

    private static boolean isNumberChar(char c) {
        return (c >= '0' && c <= '9') || c == ',' || c == '.';
    }

    /** Digits, optionally grouped by thousands ("1,234"), optionally with a decimal part. */
    private static boolean wellFormed(String s) {
        int n = s.length();
        if (n == 0 || !Character.isDigit(s.charAt(0)) || !Character.isDigit(s.charAt(n - 1))) return false;
        int dot = s.indexOf('.');
        if (dot >= 0 && s.indexOf('.', dot + 1) >= 0) return false;
        String integral = dot < 0 ? s : s.substring(0, dot);
        if (dot >= 0 && s.indexOf(',', dot) >= 0) return false;
        if (integral.indexOf(',') < 0) return true;
        String[] groups = integral.split(",", -1);
        if (groups[0].isEmpty() || groups[0].length() > 3) return false;
        for (int g = 1; g < groups.length; g++) if (groups[g].length() != 3) return false;
        return true;
    }

    private static boolean isUnit(String u) {
        return switch (u) {
            case "件", "项", "个", "条", "次", "人", "元", "万元", "宗", "起", "篇" -> true;
            default -> false;
        };
    }
}
