package org.gongkai.parsing.input;

/**
 * A PDF without a text layer (a scan): its figures could only be guessed at by character recognition, which
 * Gongkai does not do, so the service answers 422 {@code needs-ocr} instead of reading nothing or guessing.
 */
public class NeedsOcrException extends UnreadableDocumentException {

    public NeedsOcrException(String message) {
        super(message);
    }
}
