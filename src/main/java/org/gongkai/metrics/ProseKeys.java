package org.gongkai.metrics;

import java.util.Map;

/**
 * The metric each statement of a narrative report fills, from the catalogue's {@code prose} section: what the prose
 * reader reads and the renderer writes.
 *
 * @param documentKinds the printed kinds of document (规章, 规范性文件) and the proactive row each fills
 */
public record ProseKeys(
        String itemsPublished,
        String received,
        String carriedOver,
        String granted,
        String partial,
        String handled,
        String pending,
        String review,
        String litigationDirect,
        String litigationAfterReview,
        Map<String, String> documentKinds) {

    static ProseKeys from(Map<String, String> statements, Map<String, String> documentKinds) {
        return new ProseKeys(
                required(statements, "itemsPublished"),
                required(statements, "received"),
                required(statements, "carriedOver"),
                required(statements, "granted"),
                required(statements, "partial"),
                required(statements, "handled"),
                required(statements, "pending"),
                required(statements, "review"),
                required(statements, "litigationDirect"),
                required(statements, "litigationAfterReview"),
                documentKinds);
    }

    private static String required(Map<String, String> statements, String statement) {
        String key = statements.get(statement);
        if (key == null) throw new IllegalStateException("the catalogue's prose section lacks " + statement);
        return key;
    }
}
