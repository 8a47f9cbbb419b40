package org.gongkai.tools.rendering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.Part;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.metrics.ProseKeys;

/**
 * Writes a {@link CanonicalReport} out as a complete annual-report document (title, 日期 line, sections 一 to 六,
 * signature) in one of the {@link Layout}s, so parsers can be tested against documents whose figures are known and
 * corpora can be generated at scale. A figure the report lacks is printed as a blank or "—" cell, never as 0.
 * Thread-safe and allocation-light: one {@link StringBuilder} per document.
 */
public final class ReportRenderer {

    /** The clause a proactive row is printed under when the catalogue names none. */
    private static final String ARTICLE = "第二十条";

    private static final int BREAK_LONGER_THAN = 12;
    private static final int BREAK_AT = 10;

    /** One row of a section-三 form: its label, its printed cells (none for a group row) and its depth. */
    private record FormRow(String label, List<Metric> cells, int depth, int children) {}

    private final MetricCatalogue catalogue;
    private final List<List<Metric>> proactive2019 = new ArrayList<>();
    private final List<List<Metric>> proactive2021 = new ArrayList<>();
    private final List<FormRow> requests2019;
    private final List<FormRow> requests2021;
    private final List<Metric> appeals = new ArrayList<>();
    /** Column headers of section 三 (natural persons, the five kinds of organisation, total) and of section 四. */
    private final List<String> applicantHeaders;

    private final List<String> caseHeaders;
    /** The metric each statement of the prose layout prints. */
    private final ProseKeys prose;

    public ReportRenderer(MetricCatalogue catalogue) {
        this.catalogue = catalogue;
        this.prose = catalogue.proseKeys();
        for (String row : catalogue.rowKeys()) {
            List<Metric> cells = catalogue.row(row);
            String section = cells.get(0).section();
            if (section.equals("proactive") && cells.get(0).column() != null) {
                List<Metric> c2019 = cells.stream()
                        .filter(m -> m.isPrintedCellOf(ReportFormat.F2019))
                        .toList();
                List<Metric> c2021 = cells.stream()
                        .filter(m -> m.isPrintedCellOf(ReportFormat.F2021))
                        .toList();
                if (!c2019.isEmpty()) proactive2019.add(c2019);
                if (!c2021.isEmpty()) proactive2021.add(c2021);
            } else if (section.equals("appeals")) {
                appeals.addAll(cells);
            }
        }
        requests2019 = requestRows(ReportFormat.F2019);
        requests2021 = requestRows(ReportFormat.F2021);
        applicantHeaders = columnHeaders(catalogue.rowWithRole("new"));
        caseHeaders = columnHeaders(appeals.get(0).row());
    }

    private List<String> columnHeaders(String row) {
        return catalogue.row(row).stream()
                .map(m -> m.columnLabels().values().iterator().next())
                .toList();
    }

    public static ReportRenderer standard() {
        return new ReportRenderer(MetricCatalogue.standard());
    }

    private List<FormRow> requestRows(ReportFormat format) {
        List<String> keys = new ArrayList<>();
        for (String row : catalogue.rowKeys()) {
            Metric first = catalogue.row(row).get(0);
            if (first.section().equals("requests") && first.formats().contains(format)) keys.add(row);
        }
        List<String> unindented = new ArrayList<>(catalogue.rowsWithRole("new"));
        unindented.addAll(catalogue.rowsWithRole("carried_over"));
        unindented.addAll(catalogue.rowsWithRole("carried_forward"));
        List<String> children = catalogue.all().stream()
                .flatMap(
                        m -> m.section().equals("requests") ? m.components().stream() : java.util.stream.Stream.empty())
                .map(k -> catalogue.get(k).row())
                .toList();
        List<FormRow> rows = new ArrayList<>();
        for (String row : keys) {
            List<Metric> cells = catalogue.row(row).stream()
                    .filter(m -> m.isPrintedCellOf(format))
                    .toList();
            // 一, 二 and 四 stand at the left; the outcomes of 三 are indented once, the parts of a group twice
            int depth = unindented.contains(row) ? 0 : children.contains(row) ? 2 : 1;
            Metric total = catalogue.row(row).get(catalogue.row(row).size() - 1);
            int parts = cells.isEmpty() ? total.components().size() : 0;
            rows.add(new FormRow(catalogue.row(row).get(0).rowLabel(), cells, depth, parts));
        }
        return rows;
    }

    /** The whole document for the report in the layout. */
    public String render(CanonicalReport report, Layout layout) {
        Document d = new Document(report, layout);
        return d.write();
    }

    /** Rendering of one report. */
    private final class Document {
        private final CanonicalReport r;
        private final Layout layout;
        private final ReportFormat format;
        private final StringBuilder out = new StringBuilder(16_384);
        private final Map<String, Figure> f;

        Document(CanonicalReport r, Layout layout) {
            this.r = r;
            this.layout = layout;
            this.format = r.format() == ReportFormat.NARRATIVE
                    ? ReportFormat.prescribedFor(Math.max(r.year(), 2019))
                    : r.format();
            this.f = r.figures();
        }

        String write() {
            String agency = r.agencyName() == null ? "本机关" : r.agencyName();
            String title = agency + r.year() + "年政府信息公开工作年度报告";
            LocalDate date = r.publishedOn() != null ? r.publishedOn() : LocalDate.of(r.year() + 1, 1, 31);
            if (layout == Layout.HTML_TABLE) {
                out.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                        .append(title)
                        .append("</title></head><body>\n<h1>")
                        .append(title)
                        .append("</h1>\n");
            } else {
                out.append(title).append("\n\n");
            }
            paragraph("日期:" + date + " 来源:" + agency);
            paragraph("依据《中华人民共和国政府信息公开条例》第五十条之规定，特向社会公布本机关" + r.year() + "年度政府信息公开工作年度报告。");
            heading("一、总体情况");
            paragraph(r.year() + "年，本机关认真贯彻落实政务公开各项部署，不断提升公开质量和实效。");
            itemsPublished();
            if (layout == Layout.PROSE) {
                documentsInProse();
                heading("二、依申请公开情况");
                requestsInProse();
                heading("三、行政复议和行政诉讼情况");
                appealsInProse();
            } else {
                heading("二、主动公开政府信息情况");
                proactiveTables();
                heading("三、收到和处理政府信息公开申请情况");
                requestsTable();
                heading("四、政府信息公开行政复议、行政诉讼情况");
                appealsTable();
            }
            heading("五、存在的主要问题及改进情况");
            paragraph("一是公开内容有待进一步丰富；二是解读回应有待加强。下一步将持续改进。");
            heading("六、其他需要报告的事项");
            paragraph("本年度无其他需要报告的事项。");
            paragraph(agency);
            paragraph(date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日");
            if (layout == Layout.HTML_TABLE) out.append("</body></html>\n");
            return out.toString();
        }

        // ------------------------------------------------------------ prose

        private void paragraph(String text) {
            if (layout == Layout.HTML_TABLE) out.append("<p>").append(text).append("</p>\n");
            else out.append(text).append("\n\n");
        }

        private void heading(String text) {
            if (layout == Layout.HTML_TABLE) out.append("<h2>").append(text).append("</h2>\n");
            else out.append(text).append("\n\n");
        }

        private void itemsPublished() {
            Figure items = f.get(prose.itemsPublished());
            if (items == null) return;
            StringBuilder s = new StringBuilder("本年度通过门户网站等渠道主动公开政府信息").append(counted(items, "条"));
            if (!items.parts().isEmpty()) {
                s.append("，其中");
                for (int i = 0; i < items.parts().size(); i++) {
                    Part p = items.parts().get(i);
                    if (i > 0) s.append('、');
                    s.append(p.label()).append(counted(p.figure(), "条"));
                }
            }
            paragraph(s.append('。').toString());
        }

        private String counted(Figure figure, String unit) {
            String v = figure.value().toPlainString();
            return switch (figure.bound()) {
                case AT_LEAST -> v + "余" + unit;
                case APPROXIMATELY -> "约" + v + unit;
                case EXACT -> v + unit;
            };
        }

        private void documentsInProse() {
            for (Map.Entry<String, String> kind : prose.documentKinds().entrySet()) {
                Figure issued = cell(kind.getValue(), "issued");
                Figure repealed = cell(kind.getValue(), "repealed");
                Figure inForce = cell(kind.getValue(), "in_force");
                if (issued != null) paragraph("本年度制定" + kind.getKey() + counted(issued, "件") + "。");
                if (repealed != null) paragraph("本年度废止" + kind.getKey() + counted(repealed, "件") + "。");
                if (inForce != null) paragraph("截至年底现行有效" + kind.getKey() + counted(inForce, "件") + "。");
            }
        }

        /** The figure of a row's column, if the catalogue has that cell and the report the figure. */
        private Figure cell(String row, String column) {
            return catalogue.row(row).stream()
                    .filter(m -> column.equals(m.column()))
                    .findFirst()
                    .map(m -> f.get(m.key()))
                    .orElse(null);
        }

        private void requestsInProse() {
            Figure received = f.get(prose.received());
            Figure handled = f.get(prose.handled());
            Figure pending = f.get(prose.pending());
            if (received != null) paragraph("本年度共收到政府信息公开申请" + counted(received, "件") + "。");
            if (handled != null) paragraph("本年度政府信息公开申请办结" + counted(handled, "件") + "。");
            if (pending != null) paragraph("政府信息公开申请" + counted(pending, "件") + "正在办理。");
            if (received == null && handled == null && pending == null) paragraph("本机关按规定做好依申请公开工作。");
        }

        private void appealsInProse() {
            Figure review = f.get(prose.review());
            Figure direct = f.get(prose.litigationDirect());
            Figure after = f.get(prose.litigationAfterReview());
            boolean noLitigation = isZero(direct) && isZero(after);
            if (isZero(review) && noLitigation) {
                paragraph("本年度未发生因政府信息公开引起的行政复议、行政诉讼。");
                return;
            }
            if (isZero(review)) paragraph("本年度未发生政府信息公开行政复议。");
            else if (review != null) paragraph("本年度因政府信息公开被申请行政复议" + counted(review, "件") + "。");
            if (noLitigation) paragraph("本年度未发生政府信息公开行政诉讼。");
        }

        private boolean isZero(Figure figure) {
            return figure != null && figure.value().signum() == 0;
        }

        // ------------------------------------------------------------ tables

        private void proactiveTables() {
            List<List<Metric>> rows = format == ReportFormat.F2019 ? proactive2019 : proactive2021;
            beginTable();
            String previousClause = null;
            for (List<Metric> cells : rows) {
                String clause = catalogue.clause(cells.get(0).row()).orElse(ARTICLE);
                if (!clause.equals(previousClause)) {
                    row(List.of(new Cell(clause, cells.size() + 1, 1)));
                    List<Cell> header = new ArrayList<>();
                    header.add(new Cell("信息内容", 1, 1));
                    for (Metric m : cells) header.add(new Cell(m.columnLabels().get(format), 1, 1));
                    row(header);
                    previousClause = clause;
                }
                proactiveRow(cells);
            }
            endTable();
        }

        private void proactiveRow(List<Metric> cells) {
            String label = cells.get(0).rowLabel();
            List<String> partLabels = new ArrayList<>();
            boolean printsOwn = false;
            for (Metric m : cells) {
                Figure fig = f.get(m.key());
                if (fig == null) continue;
                if (fig.parts().isEmpty() || fig.value().compareTo(sumOf(fig.parts())) != 0) printsOwn = true;
                for (Part p : fig.parts()) if (!partLabels.contains(p.label())) partLabels.add(p.label());
            }
            if (partLabels.isEmpty() || printsOwn) {
                valueRow(label, cells, null);
            } else if (layout == Layout.CELL_PER_LINE) {
                cellLine(label);
            } else {
                List<Cell> line = new ArrayList<>();
                line.add(new Cell(label, 1, 1));
                for (int i = 0; i < cells.size(); i++) line.add(new Cell("", 1, 1));
                row(line);
            }
            for (String part : partLabels) valueRow(part, cells, part);
        }

        private BigDecimal sumOf(List<Part> parts) {
            BigDecimal s = BigDecimal.ZERO;
            for (Part p : parts) s = s.add(p.figure().value());
            return s;
        }

        private void valueRow(String label, List<Metric> cells, String part) {
            List<Cell> line = new ArrayList<>(cells.size() + 1);
            line.add(new Cell(label, 1, 1));
            for (Metric m : cells) line.add(new Cell(value(m, part), 1, 1));
            row(line);
        }

        private String value(Metric m, String part) {
            Figure fig = f.get(m.key());
            if (fig != null && part != null) {
                fig = fig.parts().stream()
                        .filter(p -> p.label().equals(part))
                        .map(Part::figure)
                        .findFirst()
                        .orElse(null);
            }
            if (fig == null) return layout == Layout.CELL_PER_LINE ? "—" : "";
            String v = fig.value().toPlainString();
            if (m.column().equals("items_change") && fig.value().signum() > 0) return "+" + v;
            return v;
        }

        private void requestsTable() {
            List<FormRow> rows = format == ReportFormat.F2019 ? requests2019 : requests2021;
            beginTable();
            List<Cell> h1 = new ArrayList<>();
            h1.add(new Cell("申请人情况", 3, 2));
            h1.add(new Cell(applicantHeaders.get(0), 1, 2));
            h1.add(new Cell("法人或其他组织", applicantHeaders.size() - 2, 1));
            h1.add(new Cell(applicantHeaders.get(applicantHeaders.size() - 1), 1, 2));
            row(h1);
            List<Cell> h2 = new ArrayList<>();
            for (String h : applicantHeaders.subList(1, applicantHeaders.size() - 1)) h2.add(new Cell(h, 1, 1));
            row(h2);
            int outcomeLines = 0;
            for (FormRow fr : rows) if (fr.depth() > 0 && !(fr.depth() == 1 && fr.children() > 0)) outcomeLines++;
            boolean outcomeStarted = false;
            int groupLeft = 0;
            FormRow pendingGroup = null;
            for (FormRow fr : rows) {
                List<Cell> line = new ArrayList<>();
                if (fr.depth() == 0) {
                    if (!fr.label().startsWith("四")
                            && !fr.label().startsWith("一")
                            && !fr.label().startsWith("二")) continue;
                    line.add(new Cell(fr.label(), 3, 1));
                } else if (fr.cells().isEmpty()) {
                    // A group row (（三）不予公开): its label spans the rows of its children.
                    if (layout != Layout.HTML_TABLE) {
                        if (!outcomeStarted) {
                            cellOrLine("三、本年度办理结果");
                            outcomeStarted = true;
                        }
                        cellOrLine(fr.label());
                    }
                    groupLeft = fr.children();
                    pendingGroup = fr;
                    continue;
                } else {
                    if (!outcomeStarted) {
                        if (layout == Layout.HTML_TABLE) line.add(new Cell("三、本年度办理结果", 1, outcomeLines));
                        else cellOrLine("三、本年度办理结果");
                        outcomeStarted = true;
                    }
                    if (fr.depth() == 2 && groupLeft > 0) {
                        if (pendingGroup != null && layout == Layout.HTML_TABLE) {
                            line.add(new Cell(pendingGroup.label(), 1, groupLeft));
                        }
                        pendingGroup = null;
                        groupLeft--;
                        line.add(new Cell(fr.label(), 1, 1));
                    } else {
                        line.add(new Cell(fr.label(), 2, 1));
                    }
                }
                for (Metric m : fr.cells()) line.add(new Cell(value(m, null), 1, 1));
                row(line);
            }
            endTable();
        }

        private void appealsTable() {
            beginTable();
            row(List.of(new Cell("行政复议", 5, 1), new Cell("行政诉讼", 10, 1)));
            List<Cell> h2 = new ArrayList<>();
            for (String h : caseHeaders) h2.add(new Cell(h, 1, 2));
            h2.add(new Cell("未经复议直接起诉", 5, 1));
            h2.add(new Cell("复议后起诉", 5, 1));
            row(h2);
            List<Cell> h3 = new ArrayList<>();
            for (int k = 0; k < 2; k++) for (String h : caseHeaders) h3.add(new Cell(h, 1, 1));
            row(h3);
            List<Cell> values = new ArrayList<>();
            for (Metric m : appeals) values.add(new Cell(value(m, null), 1, 1));
            row(values);
            endTable();
        }

        // ------------------------------------------------------------ layout primitives

        private record Cell(String text, int colspan, int rowspan) {}

        private void beginTable() {
            if (layout == Layout.HTML_TABLE) out.append("<table border=\"1\">\n");
        }

        private void endTable() {
            if (layout == Layout.HTML_TABLE) out.append("</table>\n");
            else out.append('\n');
        }

        private void cellOrLine(String label) {
            if (layout == Layout.CELL_PER_LINE) cellLine(label);
            else out.append(label).append('\n');
        }

        private void row(List<Cell> cells) {
            switch (layout) {
                case HTML_TABLE -> {
                    out.append("<tr>");
                    for (Cell c : cells) {
                        out.append("<td");
                        if (c.colspan() > 1)
                            out.append(" colspan=\"").append(c.colspan()).append('"');
                        if (c.rowspan() > 1)
                            out.append(" rowspan=\"").append(c.rowspan()).append('"');
                        out.append('>').append(c.text()).append("</td>");
                    }
                    out.append("</tr>\n");
                }
                case CELL_PER_LINE -> {
                    for (Cell c : cells) cellLine(c.text());
                }
                default -> {
                    for (int i = 0; i < cells.size(); i++) {
                        if (i > 0) out.append('\t');
                        out.append(cells.get(i).text());
                    }
                    out.append('\n');
                }
            }
        }

        /** A cell on its own line, long labels broken in two as PDF extraction breaks them. */
        private void cellLine(String text) {
            if (text.length() > BREAK_LONGER_THAN) {
                out.append(text, 0, BREAK_AT)
                        .append("\n\n")
                        .append(text, BREAK_AT, text.length())
                        .append("\n\n");
            } else {
                out.append(text).append("\n\n");
            }
        }
    }
}
