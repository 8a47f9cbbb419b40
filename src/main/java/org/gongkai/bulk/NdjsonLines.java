package org.gongkai.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits an NDJSON byte stream into lines without decoding it (a newline byte never occurs inside a UTF-8 or GB18030
 * character), counting bytes as it goes: a line over the per-line limit is skipped to its end and reported as such,
 * and reading stops, mid-line if need be, once the stream passes its limit, so neither is ever held whole.
 */
final class NdjsonLines {

    /** One line: its bytes (without the newline and a trailing CR), or {@code overlong} with no bytes. */
    record Line(long number, byte[] bytes, boolean overlong) {}

    private final InputStream in;
    private final long lineLimit;
    private final long streamLimit;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int end;
    private long read;
    private long number;
    private boolean exceeded;
    private byte[] line = new byte[4096];

    NdjsonLines(InputStream in, long lineLimit, long streamLimit) {
        this.in = in;
        this.lineLimit = lineLimit;
        this.streamLimit = streamLimit;
    }

    /** Lines read so far, blank ones included. */
    long lines() {
        return number;
    }

    /** Whether reading stopped because the stream passed its limit. */
    boolean exceeded() {
        return exceeded;
    }

    /** The next line, or null at the end of the stream (or once it passed its limit). */
    Line next() throws IOException {
        int length = 0;
        boolean overlong = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                if (exceeded) return null;
                int n = in.read(buffer);
                if (n < 0) {
                    if (!any) return null;
                    break;
                }
                read += n;
                pos = 0;
                end = n;
                if (read > streamLimit) {
                    // lines within the limit are still read; the one it cuts is not a line the client meant
                    exceeded = true;
                    end = (int) (n - (read - streamLimit));
                }
            }
            any = true;
            int newline = -1;
            for (int i = pos; i < end; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int stop = newline < 0 ? end : newline;
            int chunk = stop - pos;
            if (!overlong) {
                if ((long) length + chunk > lineLimit) {
                    overlong = true;
                } else {
                    if (length + chunk > line.length)
                        line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
                    System.arraycopy(buffer, pos, line, length, chunk);
                    length += chunk;
                }
            }
            pos = newline < 0 ? end : newline + 1;
            if (newline >= 0) break;
        }
        number++;
        if (overlong) return new Line(number, null, true);
        if (length > 0 && line[length - 1] == '\r') length--;
        return new Line(number, Arrays.copyOf(line, length), false);
    }
}
