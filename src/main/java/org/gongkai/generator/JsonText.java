package org.gongkai.generator;

import java.math.BigDecimal;
import org.gongkai.canonical.Bound;
import org.gongkai.canonical.Figure;

/** The small pieces of JSON text the hand-written writers share: strings, exact decimals and figures. */
final class JsonText {

    private JsonText() {}

    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) out.append(String.format("\\u%04x", (int) ch));
                    else out.append(ch);
                }
            }
        }
        out.append('"');
    }

    /** A decimal as written, trailing zeros kept (12.3400 万元 stays 12.3400): never via double. */
    static void number(StringBuilder out, BigDecimal value) {
        if (value.scale() == 0 && value.precision() < 19) out.append(value.longValue());
        else out.append(value.toPlainString());
    }

    /** A plain number when exact, else {@code {"value":…,"bound":"…"}}, as API.md specifies. */
    static void figure(StringBuilder out, Figure figure) {
        if (figure.bound() == Bound.EXACT) {
            number(out, figure.value());
        } else {
            out.append("{\"value\":");
            number(out, figure.value());
            out.append(",\"bound\":\"").append(figure.bound().code()).append("\"}");
        }
    }
}
