package org.gongkai.reports;

import java.util.List;

/** A page of reports and how many match in all. */
public record ReportPage(List<ReportSummary> items, long total, int limit, int offset) {}
