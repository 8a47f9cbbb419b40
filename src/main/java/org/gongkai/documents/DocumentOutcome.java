package org.gongkai.documents;

import org.gongkai.reports.StoredReport;

/**
 * The answer to {@code POST /api/documents}: the document, how it was classified, the report it yielded, and whether
 * it was new (201) or the same bytes again (200).
 */
public record DocumentOutcome(String documentId, String classification, StoredReport report, boolean created) {}
