package org.gongkai.parsing;

/**
 * Reduces a printed label to what identifies it: numbering ("三、", "(一)", "1.") and parenthetical remarks dropped,
 * punctuation, quotes and spaces removed. "(三) 不予公开", "3.危及“三安全一稳\n定”" and "(二)部分公开(区分处理的,只计这一情形…)"
 * become "不予公开", "危及三安全一稳定", "部分公开".
 */
final class Labels {

    /** Labels repeat across documents; a bounded shared cache saves re-folding them. */
    private static final int CACHE_LIMIT = 50_000;

    private static final java.util.concurrent.ConcurrentHashMap<String, String> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Labels() {}

    static String key(String printed) {
        if (printed.length() > 80) return computeKey(printed);
        String cached = CACHE.get(printed);
        if (cached != null) return cached;
        String key = computeKey(printed);
        if (CACHE.size() < CACHE_LIMIT) CACHE.put(printed, key);
        return key;
    }

    private static String computeKey(String printed) {
        String s = TextNormalizer.foldLabel(printed);
        s = stripNumbering(s);
        s = stripParentheticals(s);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) b.append(c);
        }
        return b.toString();
    }

    private static String stripNumbering(String s) {
        for (int round = 0; round < 2; round++) {
            String t = s.strip();
            int i = 0;
            int n = t.length();
            boolean paren = i < n && t.charAt(i) == '(';
            if (paren) i++;
            int numStart = i;
            while (i < n && isNumeral(t.charAt(i))) i++;
            if (i == numStart || i - numStart > 3) return t;
            if (paren) {
                if (i < n && t.charAt(i) == ')') i++;
                else return t;
            } else if (i < n
                    && (t.charAt(i) == '、' || t.charAt(i) == '.' || t.charAt(i) == ')' || t.charAt(i) == ',')) {
                i++;
            } else {
                return t;
            }
            s = t.substring(i);
        }
        return s.strip();
    }

    private static boolean isNumeral(char c) {
        return (c >= '0' && c <= '9') || "一二三四五六七八九十".indexOf(c) >= 0;
    }

    /** Drops "(…)", an unclosed "(…" at the end and an unopened "…)" at the start. */
    private static String stripParentheticals(String s) {
        int close = s.indexOf(')');
        int open = s.indexOf('(');
        if (close >= 0 && (open < 0 || close < open)) s = s.substring(close + 1);
        StringBuilder b = new StringBuilder(s.length());
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth = Math.max(0, depth - 1);
            else if (depth == 0) b.append(c);
        }
        return b.toString();
    }
}
