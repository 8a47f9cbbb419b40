package org.gongkai.queries;

import java.util.List;

/**
 * One question to the figures (API.md {@code POST /api/query}): metrics × group-by × filters × order × page.
 *
 * @param groupBy any of year, province, city, county, agency, format, sector
 */
public record QuerySpec(
        List<String> metrics, List<String> groupBy, QueryFilters filters, List<Order> order, int limit, int offset) {

    public QuerySpec {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
        filters = filters == null ? QueryFilters.NONE : filters;
        order = order == null ? List.of() : List.copyOf(order);
    }

    /** One ordering term: a group-by key or a metric key, ascending or descending. */
    public record Order(String by, String dir) {
        public boolean descending() {
            return "desc".equalsIgnoreCase(dir);
        }
    }
}
