package org.gongkai.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.gongkai.problems.FieldError;

/** What became of one line of a bulk stream: stored as a report revision, or rejected with its reasons. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkLine(long line, String status, String id, Integer revision, List<FieldError> errors) {

    public static BulkLine stored(long line, long id, int revision) {
        return new BulkLine(line, "stored", Long.toString(id), revision, null);
    }

    public static BulkLine rejected(long line, List<FieldError> errors) {
        return new BulkLine(line, "rejected", null, null, errors);
    }
}
