package org.gongkai.parsing.input;

/**
 * The bytes cannot be read as a document at all (empty, binary, undecodable or too large); the service answers 4xx.
 */
public class UnreadableDocumentException extends RuntimeException {

    public UnreadableDocumentException(String message) {
        super(message);
    }

    public UnreadableDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
