package org.gongkai.reports;

import org.gongkai.problems.ProblemException;

/** A report id as a path gives it: a number, or no report (404) — the one reading for every report resource. */
public final class ReportId {

    private ReportId() {}

    public static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("no report has the id " + id);
        }
    }
}
