package org.gongkai.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.gongkai.problems.ProblemException;

/** Reads a request body up to a limit, refusing a larger one with 413 before it is buffered whole. */
public final class RequestBodies {

    private RequestBodies() {}

    public static byte[] read(InputStream in, long limit) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > limit) tooLarge(limit);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses a body over {@code limit} bytes: 413 problem+json. */
    public static void tooLarge(long limit) {
        throw new ProblemException(
                413,
                "payload-too-large",
                "Payload too large",
                "the body is larger than the limit of " + limit + " bytes",
                List.of());
    }
}
