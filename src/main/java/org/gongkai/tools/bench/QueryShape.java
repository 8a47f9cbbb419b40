package org.gongkai.tools.bench;

import java.util.List;

/**
 * One kind of question a dashboard asks, as the HTTP request Gongkai answers and, when the question is a roll-up,
 * the plain GROUP BY over the raw cells that answers it without roll-ups.
 *
 * @param body the JSON body of a POST, null for a GET
 * @param plainSql the plain GROUP BY, or null; its parameters in {@code plainParams}
 * @param equivalentQuery the /api/query body this shape amounts to (its own body for a query; the view's query for
 *     a view), whose plan {@code --explain} writes; null for none
 */
record QueryShape(
        String name,
        boolean rollup,
        String path,
        String body,
        String plainSql,
        List<Object> plainParams,
        String equivalentQuery) {

    /** A {@code POST /api/query}. */
    static QueryShape query(String name, boolean rollup, String body, String plainSql, List<Object> plainParams) {
        return new QueryShape(name, rollup, "/api/query", body, plainSql, plainParams, body);
    }

    /** A {@code GET} of a dashboard view. */
    static QueryShape view(
            String name,
            boolean rollup,
            String path,
            String equivalentQuery,
            String plainSql,
            List<Object> plainParams) {
        return new QueryShape(name, rollup, path, null, plainSql, plainParams, equivalentQuery);
    }
}
