package org.gongkai.reports;

/**
 * Which reports {@code GET /api/reports} lists. A province or city code covers every region under it.
 *
 * @param allRevisions false lists only the latest revision of each agency-year
 */
public record ReportFilter(
        String agency, String regionCode, Integer year, String format, boolean allRevisions, int limit, int offset) {}
