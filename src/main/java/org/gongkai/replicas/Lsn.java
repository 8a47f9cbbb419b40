package org.gongkai.replicas;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in PostgreSQL's write-ahead log ({@code pg_lsn}, printed {@code 16/B374D848}): the primary's position
 * after a write, and how far a replica has replayed.
 */
public record Lsn(long value) implements Comparable<Lsn> {

    private static final Pattern TEXT = Pattern.compile("([0-9A-Fa-f]{1,8})/([0-9A-Fa-f]{1,8})");

    /** The position PostgreSQL prints as {@code text}; empty when the text is not one. */
    public static Optional<Lsn> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) return Optional.empty();
        return Optional.of(new Lsn((Long.parseLong(m.group(1), 16) << 32) | Long.parseLong(m.group(2), 16)));
    }

    /** Bytes of WAL from {@code earlier} to this position (0 when it is not earlier). */
    public long bytesAfter(Lsn earlier) {
        return Long.compareUnsigned(value, earlier.value) > 0 ? value - earlier.value : 0;
    }

    public boolean reached(Lsn target) {
        return Long.compareUnsigned(value, target.value) >= 0;
    }

    @Override
    public int compareTo(Lsn o) {
        return Long.compareUnsigned(value, o.value);
    }

    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase() + "/"
                + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase();
    }
}
