package org.gongkai.parsing;

import java.util.List;
import java.util.Map;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.metrics.Metric;

/**
 * One row of an official form as the reader sees it: the label keys it may be printed with and, per format, the
 * metrics of its printed cells in column order (empty for group rows such as （三）不予公开, which print no numbers).
 */
record FormRow(
        String rowKey, Section section, String label, List<String> labelKeys, Map<ReportFormat, List<Metric>> columns) {

    List<Metric> columnsIn(ReportFormat format) {
        return columns.getOrDefault(format, List.of());
    }

    boolean existsIn(ReportFormat format) {
        return columns.containsKey(format);
    }
}
