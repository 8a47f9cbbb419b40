package org.gongkai.review;

/**
 * The document text around a suspect figure or phrase: {@code text} is the document's {@code [start, end)} (the
 * normalized text that provenance offsets refer to, {@code GET /api/documents/{id}}), with up to
 * {@value #WINDOW} characters either side.
 */
public record TextContext(String documentId, int start, int end, String before, String text, String after) {

    /** Characters shown either side. */
    public static final int WINDOW = 60;

    /** The context of {@code [start, end)} in {@code document}, clipped to the document; null when out of it. */
    static TextContext of(String documentId, String document, int start, int end) {
        if (document == null || start < 0 || end < start || end > document.length()) return null;
        int from = Math.max(0, start - WINDOW);
        int to = Math.min(document.length(), end + WINDOW);
        // never split a surrogate pair at the window's edges
        if (from > 0 && Character.isLowSurrogate(document.charAt(from))) from--;
        if (to < document.length() && Character.isLowSurrogate(document.charAt(to))) to++;
        return new TextContext(
                documentId,
                start,
                end,
                document.substring(from, start),
                document.substring(start, end),
                document.substring(end, to));
    }
}
