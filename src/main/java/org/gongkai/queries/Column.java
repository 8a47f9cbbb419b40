package org.gongkai.queries;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One column of a query result.
 *
 * @param type {@code string}, {@code integer}, {@code decimal} (exact, e.g. 万元 with four places) or {@code rate}
 *     (a fraction 0..1)
 * @param unit the metric's unit for metric columns, null for group-by columns
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Column(String key, String label, String labelEn, String type, String unit) {}
