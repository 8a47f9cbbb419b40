package org.gongkai.parsing;

/**
 * What the caller already knows about a document; each part may be null and the document wins where it is explicit.
 */
public record Hints(String sourceUrl, String agency, Integer year) {

    public static Hints none() {
        return new Hints(null, null, null);
    }
}
