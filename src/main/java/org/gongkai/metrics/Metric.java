package org.gongkai.metrics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.canonical.ReportFormat;

/**
 * One entry of the metric catalogue: a cell of the official tables, a derived subtotal or rate, or a prose figure.
 *
 * @param row the row key (`outcome.denied.state_secret`), or the key itself for single figures
 * @param column the column key (`total`), or null for single figures
 * @param rowLabel the row's printed label (zh)
 * @param columnLabels the column's printed label per format (2019 and 2021 words differ)
 * @param rowAliases other printed forms of the row label (行政规范性文件 for 规范性文件)
 * @param columnAliases other printed forms of the column label (truncated 结果维 for 结果维持)
 * @param components for subtotals: the metrics it sums; for rates: numerator terms
 * @param denominator for rates: denominator terms; a leading '-' subtracts
 * @param componentsIn formats in which this metric is the sum of its components rather than a printed cell
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Metric(
        String key,
        String label,
        String labelEn,
        String section,
        String unit,
        Aggregation aggregation,
        Set<ReportFormat> formats,
        MetricKind kind,
        String formula,
        String row,
        String column,
        String rowLabel,
        Map<ReportFormat, String> columnLabels,
        List<String> rowAliases,
        List<String> columnAliases,
        List<String> components,
        List<String> denominator,
        Set<ReportFormat> componentsIn,
        String note) {

    /** May this metric be added across agencies and years. */
    @JsonProperty
    public boolean summable() {
        return aggregation == Aggregation.SUM;
    }

    /** Rates are derived; so are subtotals in the formats that print no row for them. */
    @JsonProperty
    public boolean derived() {
        return kind == MetricKind.RATE || kind == MetricKind.SUBTOTAL;
    }

    /** Does a report in this format print this metric as a cell of its tables. */
    @JsonIgnore
    public boolean isPrintedCellOf(ReportFormat format) {
        return (kind == MetricKind.CELL) && formats.contains(format) && !componentsIn.contains(format);
    }

    /** Is this metric, in this format, the sum of its components. */
    @JsonIgnore
    public boolean isSumOfComponentsIn(ReportFormat format) {
        return kind == MetricKind.SUBTOTAL || (componentsIn.contains(format) && !components.isEmpty());
    }
}
