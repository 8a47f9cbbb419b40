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

    /**
     * Whether storing this figure needs a provenance row. Without one it reads back as "submitted", or as "derived"
     * (with the catalogue's formula) for a sum the catalogue defines, which is how those figures are made.
     */
    public boolean needsSourceRow() {
        boolean rebuiltOnRead =
                source == null || source.kind() == SourceKind.SUBMITTED || source.kind() == SourceKind.DERIVED;
        return !rebuiltOnRead || !parts.isEmpty() || note != null;
    }

    public Figure withParts(List<Part> parts) {
        return new Figure(value, bound, source, parts, note);
    }
}
