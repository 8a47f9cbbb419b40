package org.gongkai.parsing;

import java.time.LocalDate;

/**
 * Who wrote a document, about which year, and when it was published; any part may be null when the document does not
 * say.
 */
record DocumentIdentity(
        String title, String agencyName, String regionCode, Integer year, LocalDate publishedOn, String sourceUrl) {}
