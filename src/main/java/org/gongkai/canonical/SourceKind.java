package org.gongkai.canonical;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Where a figure came from: a table cell, a sentence, a structured submission, or a sum Gongkai computed. */
public enum SourceKind {
    TABLE("table"),
    PROSE("prose"),
    SUBMITTED("submitted"),
    DERIVED("derived");

    private final String code;

    SourceKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<SourceKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
