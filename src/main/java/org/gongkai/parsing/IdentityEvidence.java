package org.gongkai.parsing;

import java.util.List;

/**
 * How the parser decided who wrote a document and which year it covers, and what it could not decide. A report whose
 * {@link #missing} is not empty is kept as an <em>unresolved</em> report with these candidates, never refused.
 *
 * @param agencySource where the agency came from: {@code title}, {@code publisher} (the CMS's 发布机构), {@code
 *     signature}, {@code source} (a 来源 line) or {@code hint}; null when no agency was found
 * @param printedAgency the deciding name as the page printed it, before its department is written out (县人社局 on a
 *     page of 平潭县 is {@code 平潭县人社局}: an abbreviation is completed with the region the page names elsewhere, a
 *     name with an OCR-confused character is corrected); the report carries the canonical name, and this one becomes
 *     an alias of its agency when they differ. Null when no agency was found
 * @param yearSource where the year came from: {@code title}, {@code statistics-period}, {@code hint} or {@code
 *     publication-date}; null when no year was found
 * @param candidates every agency, region and year the document offered, in the order they were weighed
 * @param missing the parts of the identity still unknown: {@code agency}, {@code regionCode}, {@code year}
 */
public record IdentityEvidence(
        String agencySource,
        String printedAgency,
        String yearSource,
        List<Candidate> candidates,
        List<String> missing) {

    public IdentityEvidence {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    /** Evidence without a printed name (the name decided is the one printed). */
    public IdentityEvidence(String agencySource, String yearSource, List<Candidate> candidates, List<String> missing) {
        this(agencySource, null, yearSource, candidates, missing);
    }

    public static IdentityEvidence none() {
        return new IdentityEvidence(null, null, null, List.of(), List.of());
    }

    public boolean resolved() {
        return missing.isEmpty();
    }

    /**
     * One value the document offered for a part of its identity.
     *
     * @param field {@code agency}, {@code regionCode} or {@code year}
     * @param value the name, code or year as found (a year as its decimal digits)
     * @param regionCode for an agency candidate, the region it resolves to; null when it resolves to none or several
     * @param source where it was found, as in {@link IdentityEvidence#agencySource}; {@code ocr-correction} for a name
     *     read through one OCR-confused character (the report then carries an {@code identity.ocr_correction} finding),
     *     {@code …+region-elsewhere} or {@code …+url} for an abbreviation completed with a region named elsewhere
     */
    public record Candidate(String field, String value, String regionCode, String source) {}
}
