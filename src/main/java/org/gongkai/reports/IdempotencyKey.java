package org.gongkai.reports;

import java.util.List;
import java.util.Map;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;

/**
 * The {@code Idempotency-Key} header of bulk and document posts (draft-ietf-httpapi-idempotency-key-header): the same
 * key again answers the first answer and writes nothing; the same key with another body is refused 422, as the draft
 * says, and a key whose first request is still running 409.
 */
public final class IdempotencyKey {

    private IdempotencyKey() {}

    /** The key a header gives, null for none; 400 for one that is empty, over 255 characters or not visible ASCII. */
    public static String of(String header) {
        if (header == null) return null;
        String key = header.strip();
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(ch -> ch >= 0x21 && ch <= 0x7E)) {
            throw new ProblemException(
                    400,
                    "bad-idempotency-key",
                    "Bad Idempotency-Key",
                    "the Idempotency-Key must be 1 to 255 visible ASCII characters",
                    List.of(new FieldError("", "bad Idempotency-Key header")));
        }
        return key;
    }

    /** 422: the key was first sent with another body; {@code first} names what that request made. */
    public static ProblemException reused(String what, Map<String, Object> first) {
        return new ProblemException(
                422,
                "idempotency-key-reused",
                "Idempotency key reused",
                "the Idempotency-Key was sent before with another body (" + what + ")",
                List.of(new FieldError("", "another body under the same Idempotency-Key")),
                first);
    }

    /** 409: the first request under the key has not ended. */
    public static ProblemException inProgress() {
        return new ProblemException(
                409,
                "idempotency-key-in-use",
                "Request in progress",
                "a request under this Idempotency-Key is still being written; ask again when it has ended",
                List.of(new FieldError("", "the first request with this key has not ended")));
    }
}
