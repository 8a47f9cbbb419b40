package org.gongkai.storage;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's COPY text format, built in memory for one batch and sent with {@code COPY … FROM STDIN}: the
 * fastest way into a table short of writing its files.
 *
 * <p>The rows are kept as UTF-8 bytes (the encoding the JDBC driver sets for its connections) in chunks of
 * {@value #CHUNK} bytes (larger only for one value that is), sent as they are, or while they are made ({@link #stream}): a batch's millions of figure rows are neither one large array (which the
 * garbage collector handles apart and which starts a marking cycle each time) nor copied into a {@code String} and
 * encoded again on the way out.
 */
public final class CopyBuffer {

    private static final int CHUNK = 1 << 16;

    private static final byte[] NULL = {'\\', 'N'};

    /** Full chunks set aside, in order; the one being filled is {@link #bytes}. */
    private final List<Chunk> chunks = new ArrayList<>();

    private record Chunk(byte[] bytes, int length) {}

    private byte[] bytes;
    private int length;
    /** Rows without their first value ({@link #forRests}): every value, the first too, has its tab before it. */
    private final boolean rests;

    private boolean rowStarted;
    private long rows;

    /** The COPY the rows go to as they are made ({@link #stream}), or null when they wait for {@link #copyInto}. */
    private CopyIn open;

    public CopyBuffer() {
        this(CHUNK, false);
    }

    private CopyBuffer(int capacity, boolean rests) {
        bytes = new byte[capacity];
        this.rests = rests;
        rowStarted = rests;
    }

    /**
     * A buffer for the rests of rows ({@link #rests()}): each row's values after its first, each with its tab before
     * it, ended by {@link #endRow}; the writer puts a first value before each ({@link #rows(long, byte[])}).
     */
    public static CopyBuffer forRests() {
        return new CopyBuffer(256, true);
    }

    /** The rows of a {@link #forRests} buffer as one array, each ended by its newline. */
    public byte[] rests() {
        int size = length;
        for (Chunk chunk : chunks) size += chunk.length();
        byte[] out = new byte[size];
        int at = 0;
        for (Chunk chunk : chunks) {
            System.arraycopy(chunk.bytes(), 0, out, at, chunk.length());
            at += chunk.length();
        }
        System.arraycopy(bytes, 0, out, at, length);
        return out;
    }

    public CopyBuffer value(Object v) {
        separate();
        if (v == null) {
            append(NULL, 0, NULL.length);
        } else if (v instanceof BigDecimal d) {
            // a whole number of up to 18 digits (nearly every figure) as digits, without a String between
            if (d.scale() == 0 && d.precision() <= 18) digits(d.longValue());
            else ascii(d.toPlainString());
        } else if (v instanceof byte[] b) {
            ascii("\\\\x"); // bytea's hex input, its backslash escaped
            ascii(HexFormat.of().formatHex(b));
        } else if (v instanceof Short n) {
            digits(n);
        } else if (v instanceof Integer n) {
            digits(n);
        } else if (v instanceof Long n) {
            digits(n);
        } else if (v instanceof Number || v instanceof Boolean) {
            ascii(v.toString());
        } else {
            escape(v.toString());
        }
        return this;
    }

    /** A whole number, its digits straight into the buffer. */
    public CopyBuffer value(long n) {
        separate();
        digits(n);
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

    /**
     * Whole rows: {@code first} before each row of {@code rests}, which holds rows already in COPY text from their first
     * tab to their newline ({@link #rests()}). A newline byte ends a row and only that: text values carry theirs
     * escaped, and no byte of a multi-byte UTF-8 character is one.
     */
    public CopyBuffer rows(long first, byte[] rests) throws SQLException {
        int from = 0;
        for (int i = 0; i < rests.length; i++) {
            if (rests[i] != '\n') continue;
            int row = 20 + i + 1 - from;
            if (open != null && length + row > bytes.length) send();
            digits(first);
            append(rests, from, i + 1 - from);
            from = i + 1;
            rows++;
        }
        return this;
    }

    /** Makes rows for {@link #stream}, which sends them as each chunk fills. */
    @FunctionalInterface
    public interface RowMaker {
        void make(CopyBuffer rows) throws SQLException;
    }

    /**
     * COPYs into the table's columns the rows {@code maker} gives ({@link #rows(long, byte[])}), sending each chunk as it
     * fills: PostgreSQL stores the first rows while the next are made, and the buffer stays one chunk. Answers the rows
     * stored; a COPY that fails is cancelled, so the connection stays usable for the caller's rollback.
     */
    public static long stream(Connection c, String tableAndColumns, RowMaker maker) throws SQLException {
        CopyBuffer b = new CopyBuffer();
        b.open = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + tableAndColumns + " FROM STDIN");
        try {
            maker.make(b);
            b.send();
            return b.open.endCopy();
        } finally {
            if (b.open.isActive()) b.open.cancelCopy();
        }
    }

    public CopyBuffer endRow() {
        put((byte) '\n');
        rowStarted = rests;
        rows++;
        return this;
    }

    public long rows() {
        return rows;
    }

    /** Sends the rows to the table's columns; nothing is sent when there are none. */
    public long copyInto(Connection c, String tableAndColumns) throws SQLException {
        if (rows == 0) return 0;
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + tableAndColumns + " FROM STDIN");
        try {
            writeTo(copy);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) copy.cancelCopy();
        }
    }

    /** What is made so far to the open COPY of {@link #stream}; the buffer is then empty. */
    private void send() throws SQLException {
        writeTo(open);
        chunks.clear();
        length = 0;
    }

    private void writeTo(CopyIn copy) throws SQLException {
        for (Chunk chunk : chunks) copy.writeToCopy(chunk.bytes(), 0, chunk.length());
        if (length > 0) copy.writeToCopy(bytes, 0, length);
    }

    private void separate() {
        if (rowStarted) put((byte) '\t');
        rowStarted = true;
    }

    private void digits(long n) {
        if (n == Long.MIN_VALUE) {
            ascii(Long.toString(n));
            return;
        }
        room(20);
        if (n < 0) {
            bytes[length++] = '-';
            n = -n;
        }
        int end = length + digitCount(n);
        for (int at = end - 1; at >= length; at--) {
            bytes[at] = (byte) ('0' + n % 10);
            n /= 10;
        }
        length = end;
    }

    private static int digitCount(long n) {
        int count = 1;
        for (long limit = 10; count < 19 && n >= limit; limit *= 10) count++;
        return count;
    }

    /** Text known to be ASCII without a character COPY escapes (numbers, hex, codes made here). */
    private void ascii(String s) {
        room(s.length());
        for (int i = 0; i < s.length(); i++) bytes[length++] = (byte) s.charAt(i);
    }

    /** Text as UTF-8 with COPY's escapes: a byte of a multi-byte character is never one of the escaped ones. */
    private void escape(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        room(utf8.length);
        for (byte b : utf8) {
            switch (b) {
                case '\\' -> pair('\\');
                case '\t' -> pair('t');
                case '\n' -> pair('n');
                case '\r' -> pair('r');
                default -> put(b);
            }
        }
    }

    private void pair(char escaped) {
        put((byte) '\\');
        put((byte) escaped);
    }

    private void put(byte b) {
        if (length == bytes.length) room(1);
        bytes[length++] = b;
    }

    private void append(byte[] from, int offset, int count) {
        room(count);
        System.arraycopy(from, offset, bytes, length, count);
        length += count;
    }

    /** At least {@code n} free bytes: the array grows up to a chunk, then full chunks are set aside. */
    private void room(int n) {
        if (length + n <= bytes.length) return;
        if (length + n <= CHUNK) {
            bytes = Arrays.copyOf(bytes, Math.min(CHUNK, Math.max(bytes.length * 2, length + n)));
            return;
        }
        chunks.add(new Chunk(bytes, length));
        bytes = new byte[Math.max(CHUNK, n)];
        length = 0;
    }
}
