package org.gongkai.review;

import java.util.List;
import java.util.Map;

/**
 * A page of the review queue.
 *
 * @param counts items per kind under the same region, year, state and agency (not kind), every kind named
 * @param total items matching every filter, kind included
 * @param next the {@code after} of the next page; null on the last
 */
public record ReviewPage(List<QueueItem> items, Map<String, Long> counts, long total, String next, int limit) {}
