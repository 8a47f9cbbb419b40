package org.gongkai.parsing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.Part;
import org.gongkai.canonical.Source;
import org.gongkai.canonical.SourceMethod;
import org.gongkai.parsing.RunTogetherCells.Piece;

/**
 * Reads the statistics annex of pre-2019 reports (政府信息公开情况统计表: 指标名称 · 计量单位 · 本年度 · 历年累计). Each row
 * is found by how its label ends (flattened text runs the header, the unit and the label together: "…历年累计主动公开信息数条"),
 * and only its 本年度 (first) value is kept, never the 历年累计. Cells run together ("条4251516" = 425|1516) are cut
 * with the annex's arithmetic: 本年度 ≤ 历年累计 on every row, and the "其中" rows add up to their total in both columns;
 * a cell no cut decides stays empty, with a finding. Sub-rows (网站公开, 当面申请数 …) are kept as parts of their total.
 */
final class StatisticsAnnexReader {

    private static final String HEADER = "指标名称";
    private static final String CUMULATIVE = "累计";
    private static final String UNITS = "条件元个项次份";

    /**
     * One kind of annex row: the label endings that name it, the metric it fills (null for a sub-row that is only a
     * part), and the total it is a part of (null for a total).
     */
    private record Row(String key, String partOf, List<String> endings) {

        static Row total(String key, String... endings) {
            return new Row(key, null, List.of(endings));
        }

        static Row part(String key, String partOf, String... endings) {
            return new Row(key, partOf, List.of(endings));
        }
    }

    private static final String PUBLISHED = "proactive.items_published";
    private static final String RECEIVED = "requests.new.total";
    private static final String ANSWERED = "outcome.total.total";

    /** The rows in the order specific labels must be tried before the general ones they end like. */
    private static final List<Row> ROWS = List.of(
            Row.total(PUBLISHED, "主动公开信息数", "主动公开文件数", "主动公开政府信息数"),
            Row.part(null, PUBLISHED, "网站公开", "网站公开数", "公报公开", "公报公开数"),
            Row.total(RECEIVED, "依申请公开信息总数", "依申请公开总数", "申请公开信息总数"),
            Row.part("outcome.granted.total", ANSWERED, "同意公开答复数"),
            Row.part("outcome.partial.total", ANSWERED, "同意部分公开答复数"),
            Row.part("annex.outcome.denied", ANSWERED, "否决公开答复数", "不予公开答复数"),
            Row.part("annex.outcome.other", ANSWERED, "其他类型答复数", "其它类型答复数", "其他答复数", "其它答复数"),
            Row.total(ANSWERED, "对申请的答复数", "对申请的答复总数", "答复总数"),
            Row.total("review.total", "行政复议数"),
            Row.total("annex.complaints", "申诉数", "举报数"),
            Row.total("annex.litigation.total", "行政诉讼数"),
            Row.total("annex.fees_waived_yuan", "收费减免金额"),
            Row.part(null, RECEIVED, "申请数"));

    private static final RunTogetherCells.Check YEAR_WITHIN_CUMULATIVE = (values, filled) ->
            filled < 2 || values[0] == null || values[1] == null || values[0].compareTo(values[1]) <= 0;

    /** The annex figures, and the cells no cut decided; empty when the document has no annex. */
    TableFigures read(String text, List<Cell> cells) {
        int at = text.indexOf(HEADER);
        int header = -1;
        for (int i = 0; at >= 0 && i < cells.size() && header < 0; i++) {
            if (cells.get(i).isLabel() && cells.get(i).end() > at) header = i;
        }
        if (header < 0) return new TableFigures(Map.of(), List.of());
        int columns = cells.get(header).text().contains(CUMULATIVE) || nextLabelsMention(cells, header) ? 2 : 1;

        List<AnnexRow> rows = new ArrayList<>();
        Cell label = null;
        for (int i = header; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (cell.isLabel()) {
                label = cell;
                continue;
            }
            int j = i;
            while (j < cells.size() && !cells.get(j).isLabel()) j++;
            Row kind = label == null ? null : kindOf(label.text());
            if (kind != null) rows.add(annexRow(kind, label, cells.subList(i, j), columns));
            label = null;
            i = j - 1;
        }
        return figures(text, rows, columns);
    }

    private static boolean nextLabelsMention(List<Cell> cells, int header) {
        for (int i = header + 1;
                i < cells.size() && i < header + 4 && cells.get(i).isLabel();
                i++) {
            if (cells.get(i).text().contains(CUMULATIVE)) return true;
        }
        return false;
    }

    private static Row kindOf(String printed) {
        String key = Labels.key(printed);
        if (!key.isEmpty() && UNITS.indexOf(key.charAt(key.length() - 1)) >= 0) {
            key = key.substring(0, key.length() - 1);
        }
        for (Row row : ROWS) for (String ending : row.endings()) if (key.endsWith(ending)) return row;
        return null;
    }

    /** A row as read: its label, its cells as printed or every cut of them. */
    private record AnnexRow(Row kind, Cell label, List<Cell> values, RunTogetherCells.Cuts cuts) {

        /** A key unique to this row among the annex's rows, for the sums. */
        String id() {
            return kind.key() == null ? kind.partOf() + "#part@" + label.start() : kind.key();
        }
    }

    private static AnnexRow annexRow(Row kind, Cell label, List<Cell> values, int columns) {
        if (!RunTogetherCells.mayHold(values, columns)) {
            List<Piece[]> printed = new ArrayList<>();
            printed.add(RunTogetherCells.asPrinted(values, columns));
            return new AnnexRow(kind, label, values, new RunTogetherCells.Cuts(printed, false));
        }
        RunTogetherCells.Cuts cuts = RunTogetherCells.cut(values, columns, YEAR_WITHIN_CUMULATIVE);
        return new AnnexRow(
                kind, label, values, new RunTogetherCells.Cuts(new ArrayList<>(cuts.candidates()), cuts.exhausted()));
    }

    private static TableFigures figures(String text, List<AnnexRow> rows, int columns) {
        Map<String, List<Piece[]>> byRow = new LinkedHashMap<>();
        Map<String, List<String>> partsOf = new LinkedHashMap<>();
        for (AnnexRow r : rows) {
            byRow.put(r.id(), r.cuts().candidates());
            if (r.kind().partOf() != null)
                partsOf.computeIfAbsent(r.kind().partOf(), k -> new ArrayList<>())
                        .add(r.id());
        }
        List<ColumnSums.Sum> sums = new ArrayList<>();
        partsOf.forEach((total, parts) -> sums.add(new ColumnSums.Sum(parts, List.of(total))));
        new ColumnSums(columns, sums).narrow(byRow);

        Map<String, Figure> figures = new LinkedHashMap<>();
        Map<String, List<Part>> parts = new LinkedHashMap<>();
        List<CheckResult> findings = new ArrayList<>();
        for (AnnexRow r : rows) {
            Piece year = thisYear(text, r, findings);
            if (year == null || year.value() == null) continue;
            Source source = Source.tableCell(
                            year.text(), year.start(), year.end(), r.label().text(), "本年度")
                    .withMethod(SourceMethod.ANNEX_ROW);
            Figure figure = Figure.of(year.value(), null, source);
            if (r.kind().partOf() != null) {
                parts.computeIfAbsent(r.kind().partOf(), k -> new ArrayList<>())
                        .add(new Part(Labels.key(r.label().text()), figure));
            }
            if (r.kind().key() != null) figures.putIfAbsent(r.kind().key(), figure);
        }
        parts.forEach((total, list) -> figures.computeIfPresent(total, (k, f) -> f.withParts(list)));
        return new TableFigures(figures, findings);
    }

    /** The 本年度 cell of a row if its cuts agree on it; else null, with a finding. */
    private static Piece thisYear(String text, AnnexRow r, List<CheckResult> findings) {
        RunTogetherCells.Cuts cuts = r.cuts();
        Piece[] agreed = cuts.exhausted() ? new Piece[1] : RunTogetherCells.agreed(cuts.candidates(), 1);
        if (agreed[0] != null || r.values().isEmpty()) return agreed[0];
        String printed = text.substring(
                r.values().get(0).start(), r.values().get(r.values().size() - 1).end());
        findings.add(new CheckResult(
                "table.ambiguous_split",
                r.kind().key() == null ? r.kind().partOf() : r.kind().key(),
                "本年度",
                false,
                null,
                null,
                "「" + printed + "」 under " + r.label().text() + " of the statistics annex can be cut "
                        + cuts.candidates().size() + " ways (本年度|历年累计): "
                        + RunTogetherCells.describe(cuts.candidates()) + "; 本年度 is left empty"));
        return null;
    }
}
