package org.gongkai.canonical;

import java.time.Year;

/**
 * A year a report can cover (年度), within the one bound every endpoint uses: 2008, when the regulations took effect,
 * to next year (a report is published early in the year after the one it covers).
 */
public record ReportYear(int value) {

    public static final int FIRST = 2008;

    public ReportYear {
        String why = whyNot(value);
        if (why != null) throw new IllegalArgumentException(why);
    }

    /** The last year a report can cover: next year. */
    public static int last() {
        return Year.now().getValue() + 1;
    }

    /** Why the number is no report year, or null when it is one. */
    public static String whyNot(long year) {
        return year < FIRST || year > last() ? "must be a year between " + FIRST + " and " + last() : null;
    }

    /** A query parameter's text as a year (JAX-RS calls this); the exception's message says what is wrong. */
    public static ReportYear valueOf(String text) {
        try {
            return new ReportYear(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "must be a year between " + FIRST + " and " + last() + ", was \"" + text + "\"");
        }
    }

    /** The year of an optional parameter. */
    public static Integer of(ReportYear year) {
        return year == null ? null : year.value();
    }
}
