package org.gongkai.canonical;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The layout a report follows: the 2019 trial tables, the revised 2021 tables, or prose (年报格式). */
public enum ReportFormat {
    F2019("2019"),
    F2021("2021"),
    NARRATIVE("narrative");

    private final String code;

    ReportFormat(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<ReportFormat> fromCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    /** What every endpoint says of a code that names no format. */
    public static final String EXPECTED = "must be 2019, 2021 or narrative";

    /** A query parameter's text as a format (JAX-RS calls this for enums); the message says what is wrong. */
    public static ReportFormat fromString(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException(EXPECTED));
    }

    /** The code of an optional parameter. */
    public static String codeOf(ReportFormat format) {
        return format == null ? null : format.code();
    }

    @JsonCreator
    static ReportFormat parse(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown format: " + code));
    }

    /** The format the State Council prescribed for reports on the given year; prose before 2019. */
    public static ReportFormat prescribedFor(int year) {
        if (year < 2019) return NARRATIVE;
        return year < 2021 ? F2019 : F2021;
    }
}
