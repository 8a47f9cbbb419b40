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
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.Part;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.canonical.Source;
import org.gongkai.canonical.SourceMethod;
import org.gongkai.metrics.Metric;
import org.gongkai.parsing.RunTogetherCells.Piece;

/**
 * Reads the tables of sections 二, 三 and 四 from a stream of cells, whatever the layout. A run of label cells
 * followed by a run of value cells is one table row: the labels name the row (the last one, or the last few joined
 * when a label is broken across lines), the values fill its columns in order. Section 四 is one row of fifteen
 * numbers under three header rows, so there every value is taken in order. A cell that states nothing ("—", blank)
 * keeps its column position but yields no figure; a row cut short leaves its last columns missing. Where a row's
 * digits ran together ("713000074") they are cut into cells by {@link RunTogetherCells}, and the table's arithmetic
 * ({@link RequestTableArithmetic}, the sums of section 四) chooses the cut; cells no arithmetic decides stay empty, with
 * a {@code table.ambiguous_split} finding. The section-三 rows are therefore placed when their table ends.
 */
final class TableReader {

    private static final Pattern PROACTIVE_HEADING = Pattern.compile("^\\(?二[)、.,]?.{0,6}主动公开");
    private static final Pattern REQUESTS_HEADING = Pattern.compile("^\\(?三[)、.,]?.{0,12}(收到和处理|依申请|申请公开|申请情况)");
    private static final Pattern APPEALS_HEADING = Pattern.compile("^\\(?四[)、.,]?.{0,20}(行政复议|行政诉讼)");
    private static final Pattern OVERVIEW_HEADING = Pattern.compile("^\\(?一[)、.,]?\\s*(总体情况|概述|基本情况)");
    private static final Pattern LATER_HEADING = Pattern.compile("^[五六七][、.,]");
    /** Labels that never name a sub-item of a section-二 row. */
    private static final Pattern NOT_A_SUB_ITEM = Pattern.compile("^(第.{1,6}条|信息内容|合计|小计|总计|备注)");

    /** The header of the pre-2019 statistics annex, which {@link StatisticsAnnexReader} reads instead. */
    private static final String ANNEX_HEADER = "指标名称";

    private static final String AMBIGUOUS_SPLIT = "table.ambiguous_split";
    private static final int APPEAL_GROUP = 5;
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
        /** Section-三 rows read but not yet placed: their cuts wait for the whole table's arithmetic. */
        private final List<RequestRow> requestRows = new ArrayList<>();

        private final List<CheckResult> findings = new ArrayList<>();

        /** Where the statistics annex starts in the text, or -1. */
        private final int annexHeader;

        Run(String text, List<Cell> cells, ReportFormat format) {
            this.text = text;
            this.annexHeader = text.indexOf(ANNEX_HEADER);
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
            placeRequestRows();
            readAppeals();
            return new TableFigures(figures, findings);
        }

        private void onLabel(Cell cell) {
            // A heading is a line of its own, or in flattened text a label that starts with its numeral.
            if (switchSection(cell.text())) {
                labels.clear();
                // Flattened text runs a heading into the header and first row label ("二、主动公开…现行有效件数 规章").
                if (cell.wholeLine()) return;
            }
            if (annexHeader >= cell.start() && annexHeader < cell.end()) {
                leaveSection(Section.AFTER);
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
            String head = line.length() > 40 ? line.substring(0, 40) : line;
            Section next = null;
            if (head.contains("主动公开") && PROACTIVE_HEADING.matcher(line).find()) next = Section.PROACTIVE;
            else if (head.contains("申请") && REQUESTS_HEADING.matcher(line).find()) next = Section.REQUESTS;
            else if (head.contains("行政") && APPEALS_HEADING.matcher(line).find()) next = Section.APPEALS;
            else if (OVERVIEW_HEADING.matcher(line).find()) next = Section.OVERVIEW;
            else if (LATER_HEADING.matcher(line).find() && section != Section.NONE) next = Section.AFTER;
            if (next == null) return false;
            leaveSection(next);
            return true;
        }

        private void leaveSection(Section next) {
            if (section == Section.REQUESTS) placeRequestRows();
            section = next;
            lastRow = null;
            headerColumns.clear();
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
                SourceMethod method =
                        match.fit() == OfficialForms.Fit.EXACT ? SourceMethod.LABEL : SourceMethod.LOOSE_LABEL;
                values = withoutSpannedBlanks(values, columnsOf(match.row()).size());
                if (labelEnd < last) addParts(match.row(), rowLabel, join(labelEnd + 1, last), values);
                else if (match.row().section() == Section.REQUESTS)
                    requestRows.add(requestRow(match.row(), rowLabel, method, values));
                else assign(match.row(), rowLabel, method, values);
                return;
            }
            if (lastRow != null && lastRow.section() == Section.PROACTIVE && labels.size() <= 2) {
                String sub = join(Math.max(0, labels.size() - 2), last);
                if (!NOT_A_SUB_ITEM.matcher(sub).find() && !Labels.key(sub).isEmpty()) {
                    addParts(lastRow, lastRowLabel, sub, values);
                }
            }
        }

        /**
         * A pipe table marks the columns a row label spans with empty cells ("| 一、本年新收… | | | 20 | 3 |…"): blanks
         * before the first value are dropped while the row has more cells than columns.
         */
        private List<Cell> withoutSpannedBlanks(List<Cell> values, int columns) {
            int from = 0;
            while (values.size() - from > columns && values.get(from).kind() == CellKind.BLANK) from++;
            return from == 0 ? values : values.subList(from, values.size());
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

        /** Places a section-二 row; digits run together are cut when the cut is forced (no arithmetic binds them). */
        private void assign(FormRow row, String rowLabel, SourceMethod method, List<Cell> values) {
            int n = columnsOf(row).size();
            boolean wholeLines = values.stream().anyMatch(Cell::wholeLine);
            if (!wholeLines && RunTogetherCells.mayHold(values, n)) {
                RunTogetherCells.Cuts cuts = RunTogetherCells.cut(values, n, RunTogetherCells.Check.NONE);
                place(row, rowLabel, SourceMethod.ARITHMETIC_SPLIT, decide(row.rowKey(), rowLabel, values, cuts, n));
            } else {
                place(row, rowLabel, method, RunTogetherCells.asPrinted(values, n));
            }
        }

        private void place(FormRow row, String rowLabel, SourceMethod method, Piece[] cells) {
            List<Metric> columns = columnsOf(row);
            for (int k = 0; k < columns.size() && k < cells.length; k++) {
                Piece v = cells[k];
                if (v == null || v.value() == null) continue;
                Metric m = columns.get(k);
                Source source = Source.tableCell(v.text(), v.start(), v.end(), rowLabel, columnLabel(m));
                if (method != SourceMethod.LABEL) source = source.withMethod(method);
                Figure f = new Figure(v.value(), null, source, List.of(), noteFor(m));
                figures.put(m.key(), f);
                printedOwn.add(m.key());
                List<Part> parts = partsByKey.get(m.key());
                if (parts != null) figures.put(m.key(), f.withParts(parts));
            }
        }

        /**
         * The cut if it is the only one; else the cells every candidate agrees on, the others left empty, with a
         * finding that names the row and its candidates.
         */
        private Piece[] decide(String rowKey, String rowLabel, List<Cell> values, RunTogetherCells.Cuts cuts, int n) {
            if (cuts.unique()) return cuts.candidates().get(0);
            String printed = text.substring(
                    values.get(0).start(), values.get(values.size() - 1).end());
            String why = cuts.exhausted()
                    ? "has too many possible cuts to try"
                    : cuts.candidates().isEmpty()
                            ? "cannot be cut into " + n + " cells"
                            : "can be cut " + cuts.candidates().size() + " ways that satisfy the table's arithmetic: "
                                    + RunTogetherCells.describe(cuts.candidates());
            findings.add(new CheckResult(
                    AMBIGUOUS_SPLIT,
                    rowKey,
                    null,
                    false,
                    null,
                    null,
                    "「" + printed + "」 under " + rowLabel + " " + why
                            + "; the cells the cuts disagree on are left empty"));
            return cuts.exhausted() ? new Piece[n] : RunTogetherCells.agreed(cuts.candidates(), n);
        }

        /** A section-三 row as read: its cells as printed, or every cut of its run-together digits. */
        private RequestRow requestRow(FormRow row, String rowLabel, SourceMethod method, List<Cell> values) {
            int n = columnsOf(row).size();
            if (!RunTogetherCells.mayHold(values, n)) {
                List<Piece[]> printed = new ArrayList<>();
                printed.add(RunTogetherCells.asPrinted(values, n));
                return new RequestRow(row, rowLabel, method, values, printed, null);
            }
            RunTogetherCells.Cuts cuts = RunTogetherCells.cut(values, n, RequestTableArithmetic.ROW_SUM);
            if (cuts.candidates().isEmpty() && !cuts.exhausted()) {
                // The row breaks its own sum: only what every cut agrees on can be known.
                cuts = RunTogetherCells.cut(values, n, RunTogetherCells.Check.NONE);
            }
            // The candidates list is narrowed in place by the column sums before the row is placed.
            List<Piece[]> candidates = new ArrayList<>(cuts.exhausted() ? List.of() : cuts.candidates());
            return new RequestRow(
                    row,
                    rowLabel,
                    SourceMethod.ARITHMETIC_SPLIT,
                    values,
                    candidates,
                    new RunTogetherCells.Cuts(candidates, cuts.exhausted()));
        }

        /** Places the section-三 rows read so far, once the column sums have narrowed their cuts. */
        private void placeRequestRows() {
            if (requestRows.isEmpty()) return;
            Map<String, List<Piece[]>> byRow = new LinkedHashMap<>();
            for (RequestRow r : requestRows) byRow.put(r.row().rowKey(), r.candidates());
            RequestTableArithmetic.columnSums(forms.catalogue(), forms.rows(Section.REQUESTS), format)
                    .narrow(byRow);
            for (RequestRow r : requestRows) {
                if (r.cuts() == null)
                    place(r.row(), r.label(), r.method(), r.candidates().get(0));
                else
                    place(
                            r.row(),
                            r.label(),
                            r.method(),
                            decide(r.row().rowKey(), r.label(), r.values(), r.cuts(), RequestTableArithmetic.COLUMNS));
            }
            requestRows.clear();
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
            int n = order.size();
            Piece[] cells;
            SourceMethod method = SourceMethod.LABEL;
            if (RunTogetherCells.mayHold(appealValues, n)) {
                RunTogetherCells.Cuts cuts = RunTogetherCells.cut(appealValues, n, APPEAL_SUMS);
                if (cuts.candidates().isEmpty() && !cuts.exhausted()) {
                    cuts = RunTogetherCells.cut(appealValues, n, RunTogetherCells.Check.NONE);
                }
                cells = decide("review", "行政复议/行政诉讼", appealValues, cuts, n);
                method = SourceMethod.ARITHMETIC_SPLIT;
            } else {
                cells = RunTogetherCells.asPrinted(appealValues, n);
            }
            for (int k = 0; k < n; k++) {
                Piece v = cells[k];
                if (v == null || v.value() == null) continue;
                Metric m = order.get(k);
                String row = m.rowLabel();
                String column = m.columnLabels().getOrDefault(format, m.column());
                Source source = Source.tableCell(v.text(), v.start(), v.end(), row, column);
                if (method != SourceMethod.LABEL) source = source.withMethod(method);
                figures.put(m.key(), Figure.of(v.value(), null, source));
            }
        }

        private String noteFor(Metric m) {
            return format == ReportFormat.F2019 ? m.note() : null;
        }
    }

    /** Section 四 is three groups of five cells; in each, 总计 is the sum of the other four. */
    private static final RunTogetherCells.Check APPEAL_SUMS = (values, filled) -> filled % APPEAL_GROUP != 0
            || RequestTableArithmetic.adds(values, filled - APPEAL_GROUP, filled - 1, filled - 1);

    /** A section-三 row waiting for its table's arithmetic; {@code cuts} is null when its cells were printed apart. */
    private record RequestRow(
            FormRow row,
            String label,
            SourceMethod method,
            List<Cell> values,
            List<Piece[]> candidates,
            RunTogetherCells.Cuts cuts) {}

    private static Source cellSource(Cell v, String row, String column) {
        return Source.tableCell(v.text(), v.start(), v.end(), row, column);
    }
}
