package org.gongkai.metrics;

import java.util.List;

/**
 * One row of the pre-2019 statistics annex (政府信息公开情况统计表), as the catalogue's {@code annex} section describes
 * it: found by how its printed label ends.
 *
 * @param metric the figure the row fills, or null for a sub-row kept only as a part of its total
 * @param partOf the total the row is a part of, or null for a total
 * @param endings the label endings that name the row
 */
public record AnnexRow(String metric, String partOf, List<String> endings) {

    public AnnexRow {
        endings = List.copyOf(endings);
    }
}
