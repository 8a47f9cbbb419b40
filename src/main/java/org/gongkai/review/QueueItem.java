package org.gongkai.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One reason a report needs a person ({@code GET /api/review}).
 *
 * @param kind unresolved, finding, ocr, check, chain, outlier or difference
 * @param state open, accepted, corrected, superseded or decided
 * @param expected for a check what the rule wants, for a chain last year's 结转下年度, for an outlier the agency's median
 * @param relatedReportId a chain's report of last year, a difference's corrected revision
 * @param figures the suspect figures with the document text around each
 * @param text document text the item is about when no figure carries it: the head of an unresolved report's
 *     document, or the passage a finding quotes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueItem(
        String id,
        String kind,
        String state,
        String reportId,
        int revision,
        String origin,
        String documentId,
        String agencyId,
        String agency,
        Integer year,
        String regionCode,
        String rule,
        String row,
        String column,
        BigDecimal expected,
        BigDecimal actual,
        String message,
        String relatedReportId,
        OffsetDateTime createdAt,
        Decision decision,
        List<SuspectFigure> figures,
        TextContext text) {

    /** Who closed the item, when, how and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(String by, OffsetDateTime at, String decision, String reason) {}
}
