package org.gongkai.exports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.queries.QueryPlanner;
import org.gongkai.queries.QueryRequestReader;
import org.gongkai.queries.QuerySpec;

/**
 * Reads an export's query: the same JSON body as {@code POST /api/query}, except that without a {@code limit} an
 * export takes every row up to the engine's maximum rather than the first page.
 */
public final class ExportRequests {

    private final QueryRequestReader reader = new QueryRequestReader();

    public JsonNode parse(String body) {
        return reader.parse(body);
    }

    public QuerySpec query(JsonNode root) {
        JsonNode body = root;
        if (!root.has("limit")) {
            body = root.deepCopy();
            ((ObjectNode) body).put("limit", QueryPlanner.MAX_LIMIT);
        }
        return reader.read(body);
    }
}
