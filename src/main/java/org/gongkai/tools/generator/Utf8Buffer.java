package org.gongkai.tools.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable buffer of UTF-8 bytes for the JSON writers. Writing bytes directly matters at a million reports: a
 * StringBuilder holding one Chinese agency name turns UTF-16 and its whole line must then be re-encoded.
 */
final class Utf8Buffer {

    private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);
    private byte[] bytes;
    private int size;

    Utf8Buffer(int capacity) {
        this.bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    Utf8Buffer append(char ascii) {
        ensure(1);
        bytes[size++] = (byte) ascii;
        return this;
    }

    /** Text known to be ASCII: metric keys, codes, digits. */
    Utf8Buffer ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) bytes[size++] = (byte) s.charAt(i);
        return this;
    }

    /** Bytes already encoded, such as a metric key with its quotes and colon. */
    Utf8Buffer raw(byte[] encoded) {
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, size, encoded.length);
        size += encoded.length;
        return this;
    }

    /** Any text, encoded as UTF-8 (surrogate pairs become four bytes). */
    Utf8Buffer text(String s) {
        return raw(s.getBytes(StandardCharsets.UTF_8));
    }

    Utf8Buffer number(long value) {
        if (value == Long.MIN_VALUE) return raw(LONG_MIN);
        if (value < 0) {
            append('-');
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) digits++;
        ensure(digits);
        for (int i = size + digits - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += digits;
        return this;
    }

    /** A decimal as written, trailing zeros kept (12.3400 万元 stays 12.3400): never via double. */
    Utf8Buffer number(BigDecimal value) {
        if (value.scale() == 0 && value.precision() < 19) return number(value.longValue());
        return ascii(value.toPlainString());
    }

    private void ensure(int more) {
        if (size + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
}
