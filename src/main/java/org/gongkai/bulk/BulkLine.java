package org.gongkai.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.gongkai.problems.FieldError;
import org.gongkai.storage.BulkWriter;

/**
 * What became of one line of a bulk stream: stored as a report revision, unchanged (the latest revision of its
 * agency-year already has this content: its id and revision), or rejected with its reasons.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkLine(long line, String status, String id, Integer revision, List<FieldError> errors) {

    public static final String STORED = "stored";
    public static final String UNCHANGED = "unchanged";
    public static final String REJECTED = "rejected";

    public static BulkLine of(BulkWriter.Written w) {
        return new BulkLine(w.line(), w.created() ? STORED : UNCHANGED, Long.toString(w.id()), w.revision(), null);
    }

    public static BulkLine rejected(long line, List<FieldError> errors) {
        return new BulkLine(line, REJECTED, null, null, errors);
    }
}
