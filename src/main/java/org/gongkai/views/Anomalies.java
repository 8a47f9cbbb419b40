package org.gongkai.views;

import java.math.BigDecimal;
import java.util.List;
import org.gongkai.canonical.CheckResult;

/** Reports whose own arithmetic fails, and agencies whose 上年结转 does not match last year's 结转下年度. */
public record Anomalies(List<FailedReport> failedChecks, List<ChainBreak> chainBreaks) {

    /** A latest report revision with at least one failed cross-check. */
    public record FailedReport(String reportId, String agency, String regionCode, int year, List<CheckResult> failed) {}

    /** This year's carried-over count differs from what the same agency carried forward the year before. */
    public record ChainBreak(
            String agencyId,
            String agency,
            String regionCode,
            int year,
            String column,
            BigDecimal carriedOver,
            BigDecimal previousCarriedForward,
            String reportId,
            String previousReportId) {}
}
