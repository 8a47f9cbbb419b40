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
import org.gongkai.metrics.AnnexRow;
import org.gongkai.metrics.MetricCatalogue;
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

    /** The annex's rows (the catalogue's {@code annex} section), in the order specific labels must be tried first. */
    private final List<AnnexRow> rows;

    StatisticsAnnexReader(MetricCatalogue catalogue) {
        this.rows = catalogue.annexRows();
    }

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

        List<ReadRow> found = new ArrayList<>();
        Cell label = null;
        for (int i = header; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (cell.isLabel()) {
                label = cell;
                continue;
            }
            int j = i;
            while (j < cells.size() && !cells.get(j).isLabel()) j++;
            AnnexRow kind = label == null ? null : kindOf(label.text());
            if (kind != null) found.add(annexRow(kind, label, cells.subList(i, j), columns));
            label = null;
            i = j - 1;
        }
        return figures(text, found, columns);
    }

    private static boolean nextLabelsMention(List<Cell> cells, int header) {
        for (int i = header + 1;
                i < cells.size() && i < header + 4 && cells.get(i).isLabel();
                i++) {
            if (cells.get(i).text().contains(CUMULATIVE)) return true;
        }
        return false;
    }

    private AnnexRow kindOf(String printed) {
        String key = Labels.key(printed);
        if (!key.isEmpty() && UNITS.indexOf(key.charAt(key.length() - 1)) >= 0) {
            key = key.substring(0, key.length() - 1);
        }
        for (AnnexRow row : rows) for (String ending : row.endings()) if (key.endsWith(ending)) return row;
        return null;
    }

    /** A row as read: its label, its cells as printed or every cut of them. */
    private record ReadRow(AnnexRow kind, Cell label, List<Cell> values, RunTogetherCells.Cuts cuts) {

        /** A key unique to this row among the annex's rows, for the sums. */
        String id() {
            return kind.metric() == null ? kind.partOf() + "#part@" + label.start() : kind.metric();
        }
    }

    private static ReadRow annexRow(AnnexRow kind, Cell label, List<Cell> values, int columns) {
        if (!RunTogetherCells.mayHold(values, columns)) {
            List<Piece[]> printed = new ArrayList<>();
            printed.add(RunTogetherCells.asPrinted(values, columns));
            return new ReadRow(kind, label, values, new RunTogetherCells.Cuts(printed, false));
        }
        RunTogetherCells.Cuts cuts = RunTogetherCells.cut(values, columns, YEAR_WITHIN_CUMULATIVE);
        return new ReadRow(
                kind, label, values, new RunTogetherCells.Cuts(new ArrayList<>(cuts.candidates()), cuts.exhausted()));
    }

    private static TableFigures figures(String text, List<ReadRow> rows, int columns) {
        Map<String, List<Piece[]>> byRow = new LinkedHashMap<>();
        Map<String, List<String>> partsOf = new LinkedHashMap<>();
        for (ReadRow r : rows) {
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
        for (ReadRow r : rows) {
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
            if (r.kind().metric() != null) figures.putIfAbsent(r.kind().metric(), figure);
        }
        parts.forEach((total, list) -> figures.computeIfPresent(total, (k, f) -> f.withParts(list)));
        return new TableFigures(figures, findings);
    }

    /** The 本年度 cell of a row if its cuts agree on it; else null, with a finding. */
    private static Piece thisYear(String text, ReadRow r, List<CheckResult> findings) {
        RunTogetherCells.Cuts cuts = r.cuts();
        Piece[] agreed = cuts.exhausted() ? new Piece[1] : RunTogetherCells.agreed(cuts.candidates(), 1);
        if (agreed[0] != null || r.values().isEmpty()) return agreed[0];
        String printed = text.substring(
                r.values().get(0).start(), r.values().get(r.values().size() - 1).end());
        findings.add(new CheckResult(
                "table.ambiguous_split",
                r.kind().metric() == null ? r.kind().partOf() : r.kind().metric(),
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
