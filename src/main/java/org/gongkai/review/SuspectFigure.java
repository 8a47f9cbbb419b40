package org.gongkai.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * A figure a queue item is about, as stored with its provenance, and the document text around it.
 *
 * @param reportId the revision it belongs to (for a broken chain, last year's report holds 结转下年度)
 * @param value null when the revision has no such figure (a cell the parse left empty)
 * @param source table, prose, submitted or derived
 * @param context null when the figure has no offsets in a stored document (a JSON submission)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SuspectFigure(
        String reportId,
        String metric,
        BigDecimal value,
        String bound,
        String source,
        String row,
        String column,
        String method,
        Integer page,
        TextContext context) {}
