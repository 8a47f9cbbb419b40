package org.gongkai.canonical;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** How exact a figure is: a table cell is exact; prose says "1000余条" (at least) or "约500条" (approximately). */
public enum Bound {
    EXACT("exact"),
    AT_LEAST("at_least"),
    APPROXIMATELY("approximately");

    private final String code;

    Bound(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<Bound> fromCode(String code) {
        return Arrays.stream(values()).filter(b -> b.code.equals(code)).findFirst();
    }

    @JsonCreator
    static Bound parse(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown bound: " + code));
    }

    /** The bound of a sum: any approximate term makes it approximate, else any lower bound makes it a lower bound. */
    public Bound combine(Bound other) {
        if (this == APPROXIMATELY || other == APPROXIMATELY) return APPROXIMATELY;
        if (this == AT_LEAST || other == AT_LEAST) return AT_LEAST;
        return EXACT;
    }
}
