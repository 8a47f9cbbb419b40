package org.gongkai.parsing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;

/**
 * The rows and columns of the official tables (sections 二, 三, 四), read from the metric catalogue, with lookups by
 * printed label that tolerate truncation ("保护第三方合法权") and remarks ("采购总金额万元,保留四位小数").
 */
final class OfficialForms {

    /** How a printed label relates to the form's label. */
    enum Fit {
        EXACT,
        EXTENDED,
        TRUNCATED,
        /** The label ends a longer run of text it was flattened into ("…本年处理决定数量行政许可"). */
        SUFFIX
    }

    record RowMatch(FormRow row, Fit fit) {}

    private static final int MIN_EXTENDED = 4;
    private static final int MIN_TRUNCATED = 3;

    private final List<FormRow> proactiveRows = new ArrayList<>();
    private final List<FormRow> requestRows = new ArrayList<>();
    private final List<Metric> appealCells = new ArrayList<>();
    /** Per format: the label key of a section-二 column header → column key (issued, in_force, …). */
    private final Map<ReportFormat, Map<String, String>> proactiveColumnsByLabel = new EnumMap<>(ReportFormat.class);
    /** Label key of a section-三 column header → column key (natural_person, …). */
    private final Map<String, String> applicantColumnsByLabel = new HashMap<>();

    private final MetricCatalogue catalogue;

    OfficialForms(MetricCatalogue catalogue) {
        this.catalogue = catalogue;
        for (String rowKey : catalogue.rowKeys()) {
            List<Metric> cells = catalogue.row(rowKey);
            Metric first = cells.get(0);
            Section section =
                    switch (first.section()) {
                        case "proactive" -> Section.PROACTIVE;
                        case "requests" -> Section.REQUESTS;
                        case "appeals" -> Section.APPEALS;
                        default -> Section.NONE;
                    };
            if (section == Section.APPEALS) {
                appealCells.addAll(cells);
                continue;
            }
            if (section == Section.NONE || first.column() == null) continue;
            Map<ReportFormat, List<Metric>> columns = new EnumMap<>(ReportFormat.class);
            for (ReportFormat f : List.of(ReportFormat.F2019, ReportFormat.F2021)) {
                if (!first.formats().contains(f)
                        && cells.stream().noneMatch(m -> m.formats().contains(f))) continue;
                columns.put(f, cells.stream().filter(m -> m.isPrintedCellOf(f)).toList());
            }
            List<String> keys = new ArrayList<>();
            keys.add(Labels.key(first.rowLabel()));
            first.rowAliases().forEach(a -> keys.add(Labels.key(a)));
            FormRow row = new FormRow(rowKey, section, first.rowLabel(), List.copyOf(keys), columns);
            (section == Section.PROACTIVE ? proactiveRows : requestRows).add(row);
            for (Metric m : cells) {
                if (section == Section.PROACTIVE) {
                    m.columnLabels().forEach((f, label) -> proactiveColumnsByLabel
                            .computeIfAbsent(f, k -> new LinkedHashMap<>())
                            .putIfAbsent(Labels.key(label), m.column()));
                } else {
                    m.columnLabels()
                            .values()
                            .forEach(l -> applicantColumnsByLabel.putIfAbsent(Labels.key(l), m.column()));
                    m.columnAliases().forEach(l -> applicantColumnsByLabel.putIfAbsent(Labels.key(l), m.column()));
                }
            }
        }
    }

    List<FormRow> rows(Section section) {
        return switch (section) {
            case PROACTIVE -> proactiveRows;
            case REQUESTS -> requestRows;
            default -> List.of();
        };
    }

    /** The fifteen cells of section 四 in printed order. */
    List<Metric> appealCells() {
        return appealCells;
    }

    /** The section-二 column a header names in this format, or null. */
    String proactiveColumn(ReportFormat format, String labelKey) {
        Map<String, String> byLabel = proactiveColumnsByLabel.getOrDefault(format, Map.of());
        String exact = byLabel.get(labelKey);
        if (exact != null) return exact;
        for (Map.Entry<String, String> e : byLabel.entrySet()) {
            if (labelKey.length() > e.getKey().length()
                    && labelKey.startsWith(e.getKey())
                    && e.getKey().length() >= MIN_EXTENDED) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The section-三 column a header names, or null. */
    String applicantColumn(String labelKey) {
        return applicantColumnsByLabel.get(labelKey);
    }

    /**
     * The row a label key names among the given rows: an exact label wins, then the longest form label the key
     * starts with, then the single form label the key is a long enough beginning of, then the longest form label the
     * key ends with (flattened text runs headers and labels together).
     */
    static RowMatch match(String key, List<FormRow> rows, ReportFormat format) {
        if (key.isEmpty()) return null;
        FormRow extended = null;
        int extendedLength = 0;
        FormRow truncated = null;
        int truncatedCount = 0;
        FormRow suffix = null;
        int suffixLength = 0;
        for (FormRow row : rows) {
            if (!row.existsIn(format)) continue;
            for (String label : row.labelKeys()) {
                if (key.equals(label)) return new RowMatch(row, Fit.EXACT);
                if (key.length() > label.length()) {
                    if (label.length() >= MIN_EXTENDED && key.startsWith(label) && label.length() > extendedLength) {
                        extended = row;
                        extendedLength = label.length();
                    }
                    if (key.endsWith(label) && label.length() > suffixLength) {
                        suffix = row;
                        suffixLength = label.length();
                    }
                } else if (key.length() >= MIN_TRUNCATED
                        && key.length() * 5 >= label.length() * 3
                        && label.startsWith(key)
                        && truncated != row) {
                    truncated = row;
                    truncatedCount++;
                }
            }
        }
        if (extended != null) return new RowMatch(extended, Fit.EXTENDED);
        if (truncatedCount == 1) return new RowMatch(truncated, Fit.TRUNCATED);
        if (suffix != null) return new RowMatch(suffix, Fit.SUFFIX);
        return null;
    }

    /** The catalogue the forms were read from. */
    MetricCatalogue catalogue() {
        return catalogue;
    }
}
