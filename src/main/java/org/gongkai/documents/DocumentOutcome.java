package org.gongkai.documents;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.gongkai.parsing.IdentityEvidence;
import org.gongkai.reports.StoredReport;

/**
 * The answer to {@code POST /api/documents}: the document, how it was classified, the report it yielded, and whether
 * it was new (201, or 202 for an unresolved report) or the same bytes again (200).
 *
 * @param identity which places of the document decided its agency and year, with every candidate (as {@code GET
 *     /api/documents/{id}} shows it); null for a document received before identities were kept
 * @param missing for an unresolved report, what its identity lacks ({@code agency}, {@code regionCode},
 *     {@code year}); absent for a resolved one
 * @param candidates for an unresolved report, what the document offered for its identity; absent for a resolved one
 */
public record DocumentOutcome(
        String documentId,
        String classification,
        IdentityDecision identity,
        StoredReport report,
        boolean created,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> missing,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<IdentityEvidence.Candidate> candidates) {

    static DocumentOutcome of(
            String documentId, String classification, IdentityDecision identity, StoredReport report, boolean created) {
        boolean unresolved = report != null && report.unresolved();
        return new DocumentOutcome(
                documentId,
                classification,
                identity,
                report,
                created,
                unresolved ? report.missingIdentity() : null,
                unresolved ? report.candidates() : null);
    }

    /** Whether the report was kept unresolved. */
    public boolean unresolved() {
        return report != null && report.unresolved();
    }
}
