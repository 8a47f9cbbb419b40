package org.gongkai.parsing;

/** The kind of a document and, in words a person can check, why the parser thinks so. */
public record Classification(DocumentKind kind, String reason) {

    public String code() {
        return kind.code();
    }
}
