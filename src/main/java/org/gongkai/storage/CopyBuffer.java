package org.gongkai.storage;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HexFormat;
import org.postgresql.PGConnection;

/**
 * Rows in PostgreSQL's COPY text format, built in memory for one batch and sent with {@code COPY … FROM STDIN}: the
 * fastest way into a table short of writing its files.
 */
public final class CopyBuffer {

    private final StringBuilder text;
    private boolean rowStarted;
    private long rows;

    public CopyBuffer() {
        this(1 << 16);
    }

    private CopyBuffer(int capacity) {
        text = new StringBuilder(capacity);
    }

    /**
     * The rest of a row after its first value, as {@link #row} takes it: each value with its tab before it, in the same
     * text as {@link #value}, and the newline.
     */
    public static String rest(Object... values) {
        CopyBuffer b = new CopyBuffer(16 * values.length);
        b.rowStarted = true;
        for (Object v : values) b.value(v);
        return b.text.append('\n').toString();
    }

    public CopyBuffer value(Object v) {
        if (rowStarted) text.append('\t');
        rowStarted = true;
        if (v == null) {
            text.append("\\N");
        } else if (v instanceof BigDecimal d) {
            text.append(d.toPlainString());
        } else if (v instanceof byte[] b) {
            text.append("\\\\x").append(HexFormat.of().formatHex(b)); // bytea's hex input, its backslash escaped
        } else if (v instanceof Short n) {
            text.append(n.shortValue()); // the digits straight into the buffer, no String between
        } else if (v instanceof Integer n) {
            text.append(n.intValue());
        } else if (v instanceof Long n) {
            text.append(n.longValue());
        } else if (v instanceof Number || v instanceof Boolean) {
            text.append(v);
        } else {
            escape(v.toString());
        }
        return this;
    }

    /** A text[] value: {"a","b"}. */
    public CopyBuffer textArray(Collection<String> values) {
        StringBuilder a = new StringBuilder("{");
        for (String v : values) {
            if (a.length() > 1) a.append(',');
            a.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return value(a.append('}').toString());
    }

    /** A whole row: {@code first}, then {@code rest}, which is already in COPY text from its first tab to its newline. */
    public CopyBuffer row(long first, String rest) {
        text.append(first).append(rest);
        rows++;
        return this;
    }

    public CopyBuffer endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    public long rows() {
        return rows;
    }

    /** Sends the rows to the table's columns; nothing is sent when there are none. */
    public long copyInto(Connection c, String tableAndColumns) throws SQLException {
        if (rows == 0) return 0;
        try {
            return c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + tableAndColumns + " FROM STDIN", new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + tableAndColumns + " failed", e);
        }
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
    }
}
