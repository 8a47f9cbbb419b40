package org.gongkai.review;

/**
 * What the queue is asked for.
 *
 * @param agencyName a submitter bound to one agency sees that agency's items only; null for everyone else
 * @param agencyId one agency's items only (its id); null for every agency
 * @param after the last item id of the previous page (keyset), null for the first
 */
record ReviewFilter(
        String regionCode,
        Integer year,
        String kind,
        String state,
        String agencyName,
        Long agencyId,
        Long after,
        int limit) {}
