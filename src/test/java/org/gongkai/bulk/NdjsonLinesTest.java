package org.gongkai.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bulk stream's lines and limits, counted in bytes while reading. */
class NdjsonLinesTest {

    /** A stream that hands out at most {@code chunk} bytes a read, as a network does. */
    private static InputStream trickle(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static List<String> read(NdjsonLines in) throws Exception {
        List<String> out = new ArrayList<>();
        for (NdjsonLines.Line l; (l = in.next()) != null; ) {
            out.add(l.number() + ":" + (l.overlong() ? "OVERLONG" : new String(l.bytes(), StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Test
    void splitsOnNewlineBytesKeepingBlankLinesNumberedAndDroppingCr() throws Exception {
        byte[] body = "{\"a\":\"教育局\"}\r\n\n{\"b\":2}".getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 3, 1 << 16}) {
            assertThat(read(new NdjsonLines(trickle(body, chunk), 100, 1000)))
                    .containsExactly("1:{\"a\":\"教育局\"}", "2:", "3:{\"b\":2}");
        }
    }

    @Test
    void aLineOverItsLimitIsSkippedToItsEndAndTheNextIsRead() throws Exception {
        byte[] body = ("x".repeat(50) + "\nshort\n").getBytes(StandardCharsets.UTF_8);
        assertThat(read(new NdjsonLines(trickle(body, 7), 10, 1000))).containsExactly("1:OVERLONG", "2:short");
    }

    @Test
    void readingStopsWhereTheStreamPassesItsLimitAndTheCutLineIsNotALine() throws Exception {
        // 24 bytes allowed: the first two lines (9 bytes each with their newline) and 6 of the third's 11
        byte[] body = "line-one\nline-two\nline-three\nline-four\n".getBytes(StandardCharsets.UTF_8);
        NdjsonLines in = new NdjsonLines(trickle(body, 5), 100, 24);
        assertThat(read(in)).containsExactly("1:line-one", "2:line-two");
        assertThat(in.exceeded()).isTrue();
        NdjsonLines whole = new NdjsonLines(trickle(body, 5), 100, body.length);
        assertThat(read(whole)).hasSize(4);
        assertThat(whole.exceeded()).isFalse();
    }
}
