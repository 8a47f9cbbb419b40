package org.gongkai.tools.bench;

import java.util.List;

/**
 * One kind of question a dashboard asks, as the HTTP request Gongkai answers and, when the question is a roll-up,
 * the plain GROUP BY over the raw cells that answers it without roll-ups.
 *
 * @param method GET or POST
 * @param body the JSON body of a POST, null for GET
 * @param plainSql the plain GROUP BY, or null; its parameters in {@code plainParams}
 */
record QueryShape(
        String name,
        boolean rollup,
        String method,
        String path,
        String body,
        String plainSql,
        List<Object> plainParams,
        String equivalentQuery) {

    QueryShape(
            String name,
            boolean rollup,
            String method,
            String path,
            String body,
            String plainSql,
            List<Object> plainParams) {
        this(name, rollup, method, path, body, plainSql, plainParams, body);
    }

    /** The /api/query body this shape amounts to (its own body for a query; the view's query for a view). */
    QueryShape withEquivalent(String query) {
        return new QueryShape(name, rollup, method, path, body, plainSql, plainParams, query);
    }
}
