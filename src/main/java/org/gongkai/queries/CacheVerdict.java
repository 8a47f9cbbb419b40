package org.gongkai.queries;

import jakarta.enterprise.context.RequestScoped;

/**
 * One request's dealings with the {@link AnswerCache}: whether its caller asked for fresh answers
 * ({@code Cache-Control: no-cache}), and whether its answers came from the cache — {@code hit} when every answer it
 * asked for did, {@code miss} when any was computed, none when it asked for none (told in {@code Gongkai-Cache}).
 */
@RequestScoped
public class CacheVerdict {

    private Boolean allHits;
    private boolean fresh;

    public void record(boolean hit) {
        allHits = allHits == null ? hit : allHits && hit;
    }

    /** {@code hit}, {@code miss}, or null when the request asked the cache nothing. */
    public String header() {
        return allHits == null ? null : allHits ? "hit" : "miss";
    }

    /** The caller wants answers computed now (they are kept for the next caller). */
    public void requireFresh() {
        fresh = true;
    }

    public boolean fresh() {
        return fresh;
    }
}
