package org.gongkai.parsing;

import org.gongkai.canonical.CanonicalReport;

/**
 * The result of parsing one document.
 *
 * @param text the normalized text every {@code Source} offset refers to
 * @param charset the charset the bytes were decoded with
 * @param report the report read from the document; null when it is not a report. Its agency, region code or year
 *     may be unknown (null, null, 0): then {@code identity.missing()} says which, and the report is unresolved
 * @param identity how the identity was decided, and the candidates found
 */
public record ParsedDocument(
        String text,
        String charset,
        String title,
        Classification classification,
        CanonicalReport report,
        IdentityEvidence identity) {

    public ParsedDocument {
        identity = identity == null ? IdentityEvidence.none() : identity;
    }

    public ParsedDocument(
            String text, String charset, String title, Classification classification, CanonicalReport report) {
        this(text, charset, title, classification, report, IdentityEvidence.none());
    }
}
