package org.gongkai.reports;

/**
 * Which reports {@code GET /api/reports} lists. A province or city code covers every region under it.
 *
 * @param allRevisions false lists only the latest revision of each agency-year (unresolved reports are no revision)
 * @param status {@code resolved} (the default) or {@code unresolved}
 */
public record ReportFilter(
        String agency,
        String regionCode,
        Integer year,
        String format,
        boolean allRevisions,
        String status,
        int limit,
        int offset) {}
