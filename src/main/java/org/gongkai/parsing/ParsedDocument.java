package org.gongkai.parsing;

import org.gongkai.canonical.CanonicalReport;

/**
 * The result of parsing one document.
 *
 * @param text the normalized text every {@code Source} offset refers to
 * @param charset the charset the bytes were decoded with
 * @param report the report read from the document; null when it is not a report
 */
public record ParsedDocument(
        String text, String charset, String title, Classification classification, CanonicalReport report) {}
