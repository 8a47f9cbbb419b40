package org.gongkai.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Every revision of a report ({@code GET /api/reports/{id}/history}): the revisions of its agency-year and those a
 * correction links to it (a correction that moved it to another agency or year), oldest first.
 */
public record ReportHistory(String reportId, List<Revision> revisions) {

    /**
     * One revision.
     *
     * @param origin submitted, parsed or corrected
     * @param author who corrected it (the token's name); null for a submitted or parsed revision (the audit log names
     *     who posted it)
     * @param corrects the revision a correction corrects
     * @param identity a correction's identity before and after ({@code {"before": …, "after": …}}), null when kept
     * @param figures the figures that changed from the revision before it in this list (for a correction: from the
     *     revision it corrects); every figure for the first
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Revision(
            String id,
            int revision,
            String origin,
            boolean latest,
            String status,
            String agency,
            Integer year,
            String documentId,
            OffsetDateTime createdAt,
            String author,
            String reason,
            String corrects,
            JsonNode identity,
            List<FigureChange> figures) {}
}
