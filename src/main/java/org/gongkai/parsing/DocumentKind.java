package org.gongkai.parsing;

import org.gongkai.canonical.ReportFormat;

/** What a document turned out to be: an annual report in one of three layouts, or something else. */
public enum DocumentKind {
    REPORT_2019("report-2019"),
    REPORT_2021("report-2021"),
    REPORT_NARRATIVE("report-narrative"),
    NOT_A_REPORT("not-a-report");

    private final String code;

    DocumentKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean isReport() {
        return this != NOT_A_REPORT;
    }

    static DocumentKind of(ReportFormat format) {
        return switch (format) {
            case F2019 -> REPORT_2019;
            case F2021 -> REPORT_2021;
            case NARRATIVE -> REPORT_NARRATIVE;
        };
    }
}
