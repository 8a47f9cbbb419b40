package org.gongkai.documents;

import java.util.List;
import org.gongkai.parsing.IdentityEvidence;

/**
 * Which place of a document decided its agency and its year, and every candidate it offered: the parser's
 * {@link IdentityEvidence} as stored with the document ({@code document.identity}) and shown by {@code GET
 * /api/documents/{id}} and {@code POST /api/documents}. What is still missing is not kept here: the caller's hints may
 * complete it, and the report says what its identity lacks ({@code missingIdentity}).
 *
 * @param agencySource {@code title}, {@code publisher}, {@code signature}, {@code source} or {@code hint}; null when
 *     the document names no agency
 * @param printedAgency the deciding name as printed (an abbreviation completed with the region named elsewhere)
 * @param yearSource {@code title}, {@code statistics-period}, {@code hint} or {@code publication-date}; null when no
 *     year was found
 */
public record IdentityDecision(
        String agencySource, String printedAgency, String yearSource, List<IdentityEvidence.Candidate> candidates) {

    public IdentityDecision {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    static IdentityDecision of(IdentityEvidence e) {
        return new IdentityDecision(e.agencySource(), e.printedAgency(), e.yearSource(), e.candidates());
    }
}
