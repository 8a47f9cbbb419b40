package org.gongkai.queries;

import java.util.List;

/**
 * Which latest report revisions a query reads. A province or city code covers everything under it.
 *
 * @param yearFrom inclusive, null for no lower bound
 * @param yearTo inclusive, null for no upper bound
 * @param agency an agency id, or a part of agency names
 */
public record QueryFilters(
        String regionCode, Integer yearFrom, Integer yearTo, List<String> formats, String agency, String sector) {

    public static final QueryFilters NONE = new QueryFilters(null, null, null, List.of(), null, null);

    public QueryFilters {
        formats = formats == null ? List.of() : List.copyOf(formats);
    }

    /** Does the filter pin a single year. */
    public boolean singleYear() {
        return yearFrom != null && yearFrom.equals(yearTo);
    }
}
