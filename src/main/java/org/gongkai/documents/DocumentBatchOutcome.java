package org.gongkai.documents;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gongkai.problems.ProblemException;
import org.gongkai.storage.DocumentBatchStore;

/**
 * What became of one document of {@code POST /api/documents/batch}, with the status {@code POST /api/documents} would
 * have answered it: 201 stored, 202 kept unresolved, 200 received before, 4xx refused (with its problem).
 *
 * @param name the name the client gave the document
 * @param missing for 202, what its identity lacks
 * @param problem for 4xx, the problem body a single post would have answered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentBatchOutcome(
        String name,
        int status,
        String documentId,
        String reportId,
        String classification,
        List<String> missing,
        @Schema(description = "an application/problem+json body") Map<String, Object> problem) {

    static DocumentBatchOutcome stored(
            String name, int status, DocumentBatchStore.Stored s, String classification, List<String> missing) {
        return new DocumentBatchOutcome(
                name,
                status,
                Long.toString(s.documentId()),
                Long.toString(s.reportId()),
                classification,
                missing,
                null);
    }

    static DocumentBatchOutcome known(String name, long documentId) {
        return new DocumentBatchOutcome(name, 200, Long.toString(documentId), null, null, null, null);
    }

    static DocumentBatchOutcome refused(String name, ProblemException e) {
        return new DocumentBatchOutcome(
                name, e.status(), null, null, null, null, e.toProblem(null).body());
    }

    /** The single path's answer, as a batch outcome. */
    static DocumentBatchOutcome of(String name, int status, DocumentOutcome o) {
        String reportId = o.report() == null ? null : o.report().id();
        return new DocumentBatchOutcome(name, status, o.documentId(), reportId, o.classification(), o.missing(), null);
    }
}
