package org.gongkai.parsing;

import java.time.LocalDate;
import java.util.List;
import org.gongkai.canonical.CheckResult;

/**
 * Who wrote a document, about which year, and when it was published; any part may be null when the document does not
 * say. {@code evidence} says how each part was decided; {@code findings} are what a reader should check (an OCR
 * correction of the agency's name).
 */
record DocumentIdentity(
        String title,
        String agencyName,
        String regionCode,
        Integer year,
        LocalDate publishedOn,
        String sourceUrl,
        IdentityEvidence evidence,
        List<CheckResult> findings) {}
