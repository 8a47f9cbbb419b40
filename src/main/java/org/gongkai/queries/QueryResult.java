package org.gongkai.queries;

import java.util.List;

/**
 * The answer to a {@link QuerySpec}: cells are String (group keys), Integer (year), BigDecimal (sums and rates),
 * {@link BoundedValue} (sums that are lower bounds or approximate) or null (no figure).
 *
 * @param total the number of groups before limit/offset
 */
public record QueryResult(List<Column> columns, List<List<Object>> rows, long total, Coverage coverage) {}
