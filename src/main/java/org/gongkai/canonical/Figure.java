package org.gongkai.canonical;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/** One number of a report, how exact it is, where it came from, and the named parts stated under it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Figure(BigDecimal value, Bound bound, Source source, List<Part> parts, String note) {

    public Figure {
        bound = bound == null ? Bound.EXACT : bound;
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public static Figure exact(long value, Source source) {
        return new Figure(BigDecimal.valueOf(value), Bound.EXACT, source, List.of(), null);
    }

    public static Figure of(BigDecimal value, Bound bound, Source source) {
        return new Figure(value, bound, source, List.of(), null);
    }

    public Figure withNote(String note) {
        return new Figure(value, bound, source, parts, note);
    }

    public Figure withParts(List<Part> parts) {
        return new Figure(value, bound, source, parts, note);
    }
}
