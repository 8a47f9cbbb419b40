package org.gongkai.parsing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.Part;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.canonical.Source;
import org.gongkai.metrics.Metric;

/**
 * Reads the tables of sections 二, 三 and 四 from a stream of cells, whatever the layout. A run of label cells
 * followed by a run of value cells is one table row: the labels name the row (the last one, or the last few joined
 * when a label is broken across lines), the values fill its columns in order. Section 四 is one row of fifteen
 * numbers under three header rows, so there every value is taken in order. A cell that states nothing ("—", blank)
 * keeps its column position but yields no figure; a row cut short leaves its last columns missing.
 */
final class TableReader {

    private static final Pattern PROACTIVE_HEADING = Pattern.compile("^\\(?二[)、.,]?.{0,6}主动公开");
    private static final Pattern REQUESTS_HEADING = Pattern.compile("^\\(?三[)、.,]?.{0,12}(收到和处理|依申请|申请公开|申请情况)");
    private static final Pattern APPEALS_HEADING = Pattern.compile("^\\(?四[)、.,]?.{0,20}(行政复议|行政诉讼)");
    private static final Pattern OVERVIEW_HEADING = Pattern.compile("^\\(?一[)、.,]?\\s*(总体情况|概述|基本情况)");
    private static final Pattern LATER_HEADING = Pattern.compile("^[五六七][、.,]");
    /** Labels that never name a sub-item of a section-二 row. */
    private static final Pattern NOT_A_SUB_ITEM = Pattern.compile("^(第.{1,6}条|信息内容|合计|小计|总计|备注)");

    private static final int MAX_LABEL_PARTS = 4;
    private static final int MAX_QUOTED_SPAN = 400;

    private final OfficialForms forms;

    TableReader(OfficialForms forms) {
        this.forms = forms;
    }

    TableFigures read(String text, List<Cell> cells, ReportFormat format) {
        return new Run(text, cells, format).read();
    }

    /** The state of one pass over one document. */
    private final class Run {
        private final String text;
        private final List<Cell> cells;
        private final ReportFormat format;
        private final Map<String, Figure> figures = new LinkedHashMap<>();
        private final List<Cell> labels = new ArrayList<>();
        private final List<String> headerColumns = new ArrayList<>();
        private final Map<String, String> printedHeader = new HashMap<>();
        private final Map<String, String> applicantHeader = new HashMap<>();
        private final List<Cell> appealValues = new ArrayList<>();
        private Section section = Section.NONE;
        private boolean headerClosed = true;
        private FormRow lastRow;
        private String lastRowLabel;
        private final Map<String, List<Part>> partsByKey = new LinkedHashMap<>();
        /** Keys whose row printed its own value, so sub-items under it are parts, not its sum. */
        private final Set<String> printedOwn = new HashSet<>();

        Run(String text, List<Cell> cells, ReportFormat format) {
            this.text = text;
            this.cells = cells;
            this.format = format;
        }

        TableFigures read() {
            int n = cells.size();
            for (int i = 0; i < n; i++) {
                Cell cell = cells.get(i);
                if (cell.isLabel()) {
                    onLabel(cell);
                    continue;
                }
                if (section == Section.OVERVIEW || section == Section.AFTER) continue;
                if (section == Section.APPEALS) {
                    if (cell.kind() == CellKind.VALUE || cell.lineHasNumber()) appealValues.add(cell);
                    continue;
                }
                int j = i;
                while (j < n && !cells.get(j).isLabel()) j++;
                List<Cell> values = cells.subList(i, j);
                if (!labels.isEmpty()) onRow(values);
                labels.clear();
                headerClosed = true;
                i = j - 1;
            }
            readAppeals();
            return new TableFigures(figures);
        }

        private void onLabel(Cell cell) {
            if (cell.wholeLine() && switchSection(cell.text())) {
                labels.clear();
                return;
            }
            if (section == Section.OVERVIEW || section == Section.AFTER || section == Section.APPEALS) return;
            String key = Labels.key(cell.text());
            if (key.equals("行政复议") && (section == Section.REQUESTS || section == Section.NONE)) {
                section = Section.APPEALS;
                return;
            }
            noteHeader(cell, key);
            labels.add(cell);
            if (labels.size() > 12) labels.remove(0);
        }

        private boolean switchSection(String line) {
            // Headings start with their numeral; most lines can be ruled out without a regex.
            if (line.isEmpty() || "一二三四五六七(".indexOf(line.charAt(0)) < 0) return false;
            Section next = null;
            if (PROACTIVE_HEADING.matcher(line).find()) next = Section.PROACTIVE;
            else if (REQUESTS_HEADING.matcher(line).find()) next = Section.REQUESTS;
            else if (APPEALS_HEADING.matcher(line).find()) next = Section.APPEALS;
            else if (OVERVIEW_HEADING.matcher(line).find()) next = Section.OVERVIEW;
            else if (LATER_HEADING.matcher(line).find() && section != Section.NONE) next = Section.AFTER;
            if (next == null) return false;
            section = next;
            lastRow = null;
            headerColumns.clear();
            return true;
        }

        private void noteHeader(Cell cell, String key) {
            if (section == Section.PROACTIVE || section == Section.NONE) {
                String column = forms.proactiveColumn(format, key);
                if (column != null) {
                    if (headerClosed) {
                        headerColumns.clear();
                        headerClosed = false;
                    }
                    headerColumns.add(column);
                    printedHeader.put(column, cell.text());
                    lastRow = null;
                }
            }
            if (section == Section.REQUESTS || section == Section.NONE) {
                String column = forms.applicantColumn(key);
                if (column != null) applicantHeader.putIfAbsent(column, cell.text());
            }
        }

        private void onRow(List<Cell> values) {
            List<FormRow> candidates = new ArrayList<>(forms.rows(Section.PROACTIVE));
            if (section == Section.REQUESTS) candidates = forms.rows(Section.REQUESTS);
            else if (section == Section.NONE) candidates.addAll(forms.rows(Section.REQUESTS));
            int last = labels.size() - 1;
            for (int from = last; from >= Math.max(0, last - MAX_LABEL_PARTS + 1); from--) {
                String joined = join(from, last);
                OfficialForms.RowMatch match = OfficialForms.match(Labels.key(joined), candidates, format);
                if (match == null) continue;
                int labelEnd = last;
                if (match.fit() == OfficialForms.Fit.EXTENDED && match.row().section() == Section.PROACTIVE) {
                    // "其他对外管理服务事项" + "涉外学校审批": the row, then a sub-item named under it.
                    for (int m = from; m < last; m++) {
                        OfficialForms.RowMatch head =
                                OfficialForms.match(Labels.key(join(from, m)), candidates, format);
                        if (head != null && head.row() == match.row() && head.fit() == OfficialForms.Fit.EXACT) {
                            labelEnd = m;
                            break;
                        }
                    }
                }
                String rowLabel = join(from, labelEnd);
                // A row printed again (a repeated table) starts its sub-items afresh.
                for (Metric m : match.row().columnsIn(format)) {
                    partsByKey.remove(m.key());
                    printedOwn.remove(m.key());
                }
                lastRow = match.row();
                lastRowLabel = rowLabel;
                if (labelEnd < last) addParts(match.row(), rowLabel, join(labelEnd + 1, last), values);
                else assign(match.row(), rowLabel, values);
                return;
            }
            if (lastRow != null && lastRow.section() == Section.PROACTIVE && labels.size() <= 2) {
                String sub = join(Math.max(0, labels.size() - 2), last);
                if (!NOT_A_SUB_ITEM.matcher(sub).find() && !Labels.key(sub).isEmpty()) {
                    addParts(lastRow, lastRowLabel, sub, values);
                }
            }
        }

        private String join(int from, int to) {
            if (from == to) return labels.get(from).text();
            StringBuilder b = new StringBuilder();
            for (int k = from; k <= to; k++) b.append(labels.get(k).text());
            return b.toString();
        }

        private List<Metric> columnsOf(FormRow row) {
            List<Metric> defaults = row.columnsIn(format);
            if (row.section() != Section.PROACTIVE || headerColumns.size() < defaults.size()) return defaults;
            // A header naming every column of the row in another order decides the order.
            List<Metric> ordered = new ArrayList<>();
            for (String column : headerColumns) {
                for (Metric m : defaults) if (m.column().equals(column) && !ordered.contains(m)) ordered.add(m);
            }
            return ordered.size() == defaults.size() ? ordered : defaults;
        }

        private String columnLabel(Metric m) {
            String printed =
                    m.section().equals("proactive") ? printedHeader.get(m.column()) : applicantHeader.get(m.column());
            if (printed != null) return printed;
            String label = m.columnLabels().get(format);
            return label != null ? label : m.column();
        }

        private void assign(FormRow row, String rowLabel, List<Cell> values) {
            List<Metric> columns = columnsOf(row);
            for (int k = 0; k < columns.size() && k < values.size(); k++) {
                Cell v = values.get(k);
                if (v.value() == null) continue;
                Metric m = columns.get(k);
                Figure f = new Figure(v.value(), null, cellSource(v, rowLabel, columnLabel(m)), List.of(), noteFor(m));
                figures.put(m.key(), f);
                printedOwn.add(m.key());
                List<Part> parts = partsByKey.get(m.key());
                if (parts != null) figures.put(m.key(), f.withParts(parts));
            }
        }

        /** A sub-item under a row: kept as a part; the row's value is its own, or the parts' sum if it has none. */
        private void addParts(FormRow row, String rowLabel, String subLabel, List<Cell> values) {
            List<Metric> columns = columnsOf(row);
            for (int k = 0; k < columns.size() && k < values.size(); k++) {
                Cell v = values.get(k);
                if (v.value() == null) continue;
                Metric m = columns.get(k);
                Figure partFigure =
                        new Figure(v.value(), null, cellSource(v, subLabel, columnLabel(m)), List.of(), noteFor(m));
                List<Part> parts = partsByKey.computeIfAbsent(m.key(), x -> new ArrayList<>());
                parts.add(new Part(subLabel, partFigure));
                Figure current = figures.get(m.key());
                if (printedOwn.contains(m.key()) && current != null) {
                    figures.put(m.key(), current.withParts(parts));
                } else {
                    figures.put(m.key(), sumOfParts(m, rowLabel, parts));
                }
            }
        }

        private Figure sumOfParts(Metric m, String rowLabel, List<Part> parts) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Part p : parts) sum = sum.add(p.figure().value());
            Source first = parts.get(0).figure().source();
            Source lastSource = parts.get(parts.size() - 1).figure().source();
            // The sum quotes the span of its parts when they sit together, else the first part alone.
            boolean together = lastSource.end() - first.start() <= MAX_QUOTED_SPAN;
            int end = together ? lastSource.end() : first.end();
            Source source =
                    Source.tableCell(text.substring(first.start(), end), first.start(), end, rowLabel, first.column());
            return new Figure(sum, null, source, parts, noteFor(m));
        }

        private void readAppeals() {
            List<Metric> order = forms.appealCells();
            for (int k = 0; k < order.size() && k < appealValues.size(); k++) {
                Cell v = appealValues.get(k);
                if (v.value() == null) continue;
                Metric m = order.get(k);
                String row = m.rowLabel();
                String column = m.columnLabels().getOrDefault(format, m.column());
                figures.put(m.key(), Figure.of(v.value(), null, cellSource(v, row, column)));
            }
        }

        private String noteFor(Metric m) {
            return format == ReportFormat.F2019 ? m.note() : null;
        }
    }

    private static Source cellSource(Cell v, String row, String column) {
        return Source.tableCell(v.text(), v.start(), v.end(), row, column);
    }
}
