package org.gongkai.reports;

import java.util.List;
import org.gongkai.parsing.IdentityEvidence;

/**
 * Why a report is kept unresolved, stored with it.
 *
 * @param missing which of {@code agency}, {@code regionCode}, {@code year} could not be resolved
 * @param candidates what the document offered for its identity
 * @param scope the narrowest region containing every region the document offered; null when none or no common one
 * @param year the year when the document gave one within bounds, else 0
 */
public record UnresolvedIdentity(
        List<String> missing, List<IdentityEvidence.Candidate> candidates, String scope, int year) {

    public UnresolvedIdentity {
        missing = List.copyOf(missing);
        candidates = List.copyOf(candidates);
    }
}
