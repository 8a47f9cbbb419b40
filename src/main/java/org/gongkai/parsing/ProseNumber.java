package org.gongkai.parsing;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.canonical.Bound;

/**
 * A number as prose states it: Arabic or Chinese numerals (二十三, 一千二百), a 万 multiplier (1.3万 = 13000), and the
 * words that make it a lower bound (余, 多, 以上, 逾) or an approximation (约, 近, 左右).
 */
record ProseNumber(BigDecimal value, Bound bound) {

    /** Insert into a pattern where a number stands; read back with {@link #from(Matcher)}. */
    static final String NUMBER =
            "(?<pre>约|近|大约|将近|逾|超过)?(?:(?<d>\\d+(?:\\.\\d+)?)(?<w>万|千)?|(?<c>[零〇一二两三四五六七八九十百千万]+))(?<more>余|多)?";
    /** Insert right after the unit that follows {@link #NUMBER}. */
    static final String AFTER_UNIT = "(?<post>以上|左右|多)?";

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    static Pattern compile(String template) {
        return Pattern.compile(template.replace("{N}", NUMBER).replace("{T}", AFTER_UNIT));
    }

    /** The number matched by a pattern built with {@link #compile}; null if the numerals make no number. */
    static ProseNumber from(Matcher m) {
        BigDecimal value;
        String digits = m.group("d");
        if (digits != null) {
            value = new BigDecimal(digits);
            String w = m.group("w");
            if ("万".equals(w)) value = scaled(value.multiply(TEN_THOUSAND));
            else if ("千".equals(w)) value = scaled(value.multiply(BigDecimal.valueOf(1000)));
        } else {
            Long chinese = chinese(m.group("c"));
            if (chinese == null) return null;
            value = BigDecimal.valueOf(chinese);
        }
        Bound bound = Bound.EXACT;
        String pre = m.group("pre");
        String post = group(m, "post");
        if (m.group("more") != null || "以上".equals(post) || "多".equals(post) || "逾".equals(pre) || "超过".equals(pre)) {
            bound = Bound.AT_LEAST;
        }
        if ("约".equals(pre) || "近".equals(pre) || "大约".equals(pre) || "将近".equals(pre) || "左右".equals(post)) {
            bound = Bound.APPROXIMATELY;
        }
        return new ProseNumber(value, bound);
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }

    /** 13000.0 → 13000: a multiplied count keeps no spurious decimals. */
    private static BigDecimal scaled(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Chinese numerals to a number: 二十三 → 23, 一千二百 → 1200, 十 → 10, 三万五千 → 35000. */
    static Long chinese(String s) {
        if (s == null || s.isEmpty() || s.length() > 12) return null;
        long total = 0;
        long section = 0;
        long digit = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = "零一二三四五六七八九".indexOf(c);
            if (c == '〇') d = 0;
            if (c == '两') d = 2;
            if (d >= 0) {
                digit = digit > 0 && d >= 0 ? digit * 10 + d : d;
                continue;
            }
            long unit =
                    switch (c) {
                        case '十' -> 10;
                        case '百' -> 100;
                        case '千' -> 1000;
                        case '万' -> 10_000;
                        default -> -1;
                    };
            if (unit < 0) return null;
            if (unit == 10_000) {
                total += (section + Math.max(digit, 0)) * unit;
                if (section == 0 && digit <= 0) return null;
                section = 0;
            } else {
                section += (digit < 0 ? 1 : digit) * unit;
            }
            digit = -1;
        }
        return total + section + Math.max(digit, 0);
    }
}
