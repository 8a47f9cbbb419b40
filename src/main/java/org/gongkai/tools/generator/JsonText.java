package org.gongkai.tools.generator;

import org.gongkai.canonical.Bound;
import org.gongkai.canonical.Figure;

/** The small pieces of JSON text the hand-written writers share: strings and figures. */
final class JsonText {

    private JsonText() {}

    static void string(Utf8Buffer out, String s) {
        out.append('"');
        int plainFrom = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            String escape =
                    switch (ch) {
                        case '"' -> "\\\"";
                        case '\\' -> "\\\\";
                        case '\n' -> "\\n";
                        case '\r' -> "\\r";
                        case '\t' -> "\\t";
                        default -> ch < 0x20 ? String.format("\\u%04x", (int) ch) : null;
                    };
            if (escape == null) continue;
            out.text(s.substring(plainFrom, i)).ascii(escape);
            plainFrom = i + 1;
        }
        out.text(plainFrom == 0 ? s : s.substring(plainFrom));
        out.append('"');
    }

    /** A plain number when exact, else {@code {"value":…,"bound":"…"}}, as API.md specifies. */
    static void figure(Utf8Buffer out, Figure figure) {
        if (figure.bound() == Bound.EXACT) {
            out.number(figure.value());
        } else {
            out.ascii("{\"value\":").number(figure.value());
            out.ascii(",\"bound\":\"").ascii(figure.bound().code()).ascii("\"}");
        }
    }
}
