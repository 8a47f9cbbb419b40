package org.gongkai.exports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.gongkai.problems.ProblemException;
import org.gongkai.queries.QueryPlanner;
import org.gongkai.queries.QueryRequestReader;
import org.gongkai.queries.QuerySpec;

/**
 * Reads an export's query: the same JSON body as {@code POST /api/query}, except that without a {@code limit} an
 * export takes every row up to the engine's maximum rather than the first page.
 */
public final class ExportRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final QueryRequestReader reader = new QueryRequestReader();

    public JsonNode parse(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) throw ProblemException.invalid("", "the body must be a JSON object");
            return root;
        } catch (IOException e) {
            throw new ProblemException(
                    400,
                    "malformed-json",
                    "Malformed JSON",
                    "the body is not valid JSON: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    List.of());
        }
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
