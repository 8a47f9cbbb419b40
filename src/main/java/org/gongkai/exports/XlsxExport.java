package org.gongkai.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gongkai.canonical.Bound;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.queries.Column;

/**
 * Writes a table as an Excel workbook with fastexcel, streaming: sheet "data" (frozen header row "中文 (English)",
 * counts as {@code 0}, 万元 as {@code 0.0000}, rates as {@code 0.00%}), sheet "definitions" (every metric in the
 * table from the catalogue: keys, labels, units, formulas) and sheet "sources" (the request, when, coverage, reports).
 */
public final class XlsxExport implements TableWriter {

    /** Rows kept in memory before fastexcel writes them out: bounds the heap whatever the row count. */
    private static final int FLUSH_EVERY = 512;

    private static final String HEADER_FILL = "DDEBF7";
    private static final String FLAG_FILL = "FFC7CE";

    private final MetricCatalogue catalogue;
    private final Workbook workbook;
    private Worksheet data;
    private ExportLayout layout;
    private int nextRow;
    private long rows;

    public XlsxExport(OutputStream out, MetricCatalogue catalogue) {
        this.catalogue = catalogue;
        this.workbook = new Workbook(out, "Gongkai", "1.0");
    }

    @Override
    public void header(List<Column> columns) {
        layout = new ExportLayout(columns);
        data = workbook.newWorksheet("data");
        data.freezePane(0, 1);
        List<ExportLayout.OutputColumn> out = layout.output();
        for (int c = 0; c < out.size(); c++) {
            data.width(
                    c,
                    out.get(c).bound()
                            ? 12
                            : Math.min(40, Math.max(12, out.get(c).header().length() * 1.6)));
            data.value(0, c, out.get(c).header());
            data.style(0, c).bold().fillColor(HEADER_FILL).wrapText(true).set();
        }
        nextRow = 1;
    }

    @Override
    public void row(List<Object> cells) {
        if (data == null) throw new IllegalStateException("row before header");
        int r = nextRow++;
        List<ExportLayout.OutputColumn> out = layout.output();
        for (int c = 0; c < out.size(); c++) {
            ExportLayout.OutputColumn col = out.get(c);
            Object cell = col.source() < cells.size() ? cells.get(col.source()) : null;
            if (col.bound()) {
                String bound = ExportLayout.boundText(cell);
                if (!bound.isEmpty()) data.inlineString(r, c, bound);
                continue;
            }
            write(r, c, col, cell);
        }
        rows++;
        if (rows % FLUSH_EVERY == 0) flush();
    }

    private void write(int r, int c, ExportLayout.OutputColumn col, Object cell) {
        Object v = ExportLayout.plain(cell);
        String finding = cell instanceof FlaggedValue f ? f.finding() : null;
        String format = null;
        if (v instanceof Number n) {
            data.value(r, c, n);
            format = col.numberFormat() == null ? (n instanceof java.math.BigDecimal ? null : "0") : col.numberFormat();
            Bound bound = ExportLayout.bound(cell);
            // the bound stays visible on the number itself: ≥1000 for "1000余条", ≈500 for "约500条" (a backslash
            // escapes one literal character; fastexcel does not escape quotes in formatCode attributes)
            if (bound == Bound.AT_LEAST) format = "\\≥" + (format == null ? "General" : format);
            if (bound == Bound.APPROXIMATELY) format = "\\≈" + (format == null ? "General" : format);
        } else if (v != null) {
            // inline strings: a shared-string table would grow with every distinct agency name
            data.inlineString(r, c, v.toString());
        }
        if (finding != null) {
            var style = data.style(r, c).fillColor(FLAG_FILL);
            if (format != null) style.format(format);
            style.set();
            data.comment(r, c, finding);
        } else if (format != null) {
            data.style(r, c).format(format).set();
        }
    }

    private void flush() {
        try {
            data.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish(ExportSources sources) {
        try {
            if (data == null) header(List.of());
            data.finish();
            writeDefinitions();
            writeSources(sources);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long rows() {
        return rows;
    }

    private void writeDefinitions() throws IOException {
        Worksheet ws = workbook.newWorksheet("definitions");
        ws.freezePane(0, 1);
        String[] header = {
            "指标键 (Metric key)",
            "中文名称 (Label)",
            "英文名称 (English label)",
            "单位 (Unit)",
            "部分 (Section)",
            "类型 (Kind)",
            "可加总 (Summable)",
            "公式 (Formula)",
            "说明 (Note)"
        };
        double[] widths = {34, 36, 44, 12, 12, 10, 10, 60, 40};
        for (int c = 0; c < header.length; c++) {
            ws.width(c, widths[c]);
            ws.value(0, c, header[c]);
            ws.style(0, c).bold().fillColor(HEADER_FILL).set();
        }
        Map<String, Metric> metrics = new LinkedHashMap<>();
        for (Column c : layout.columns()) {
            if (!ExportLayout.isMetric(c)) continue;
            catalogue.find(metricKey(c.key())).ifPresent(m -> metrics.putIfAbsent(m.key(), m));
        }
        int r = 1;
        for (Metric m : metrics.values()) {
            ws.value(r, 0, m.key());
            ws.value(r, 1, m.label());
            ws.value(r, 2, m.labelEn());
            ws.value(r, 3, m.unit());
            ws.value(r, 4, m.section());
            ws.value(r, 5, m.kind() == null ? null : m.kind().code());
            ws.value(r, 6, m.summable() ? "yes" : "no");
            ws.value(r, 7, m.formula());
            ws.value(r, 8, m.note());
            r++;
        }
        r++;
        ws.value(r++, 0, "<key>" + ExportLayout.BOUND_SUFFIX);
        ws.value(
                r - 1,
                7,
                "empty: exact; at_least: a lower bound (\"1000余条\", shown ≥); approximately: approximate (\"约500条\", shown ≈)");
        ws.value(r, 0, "rates");
        ws.value(
                r,
                7,
                "fractions 0..1 shown as percentages; computed from sums of their components, never summed or averaged");
        ws.finish();
    }

    /** Comparison columns are {@code <metric>@<year>…}; the definition belongs to the metric. */
    static String metricKey(String columnKey) {
        int at = columnKey.indexOf('@');
        return at < 0 ? columnKey : columnKey.substring(0, at);
    }

    private void writeSources(ExportSources s) throws IOException {
        Worksheet ws = workbook.newWorksheet("sources");
        ws.width(0, 28);
        ws.width(1, 80);
        int r = 0;
        r = pair(ws, r, "导出内容 (Export)", s.title());
        r = pair(ws, r, "请求 (Request)", s.request());
        r = pair(
                ws,
                r,
                "生成时间 (Generated at, UTC)",
                DateTimeFormatter.ISO_INSTANT.format(s.generatedAt().atOffset(ZoneOffset.UTC)));
        r = pair(ws, r, "数据行数 (Rows)", rows);
        if (s.coverage() != null) {
            r = pair(ws, r, "报告数 (Reports)", s.coverage().reports());
            r = pair(ws, r, "机构数 (Agencies)", s.coverage().agencies());
        }
        if (!s.reports().isEmpty()) {
            r++;
            String[] header = {"报告ID (Report id)", "机构 (Agency)", "年度 (Year)", "版本 (Revision)", "未通过校验 (Failed checks)"
            };
            for (int c = 0; c < header.length; c++) {
                ws.value(r, c, header[c]);
                ws.style(r, c).bold().fillColor(HEADER_FILL).set();
            }
            r++;
            for (ExportSources.ReportRevision rev : s.reports()) {
                ws.value(r, 0, rev.id());
                ws.value(r, 1, rev.agency());
                ws.value(r, 2, rev.year());
                ws.value(r, 3, rev.revision());
                ws.value(r, 4, rev.failedChecks());
                r++;
                if (r % FLUSH_EVERY == 0) ws.flush();
            }
            if (s.reportsOmitted() > 0) {
                ws.value(r, 0, "…");
                ws.value(r, 1, s.reportsOmitted() + " more reports not listed");
            }
        }
        ws.finish();
    }

    private static int pair(Worksheet ws, int r, String name, Object value) {
        ws.value(r, 0, name);
        ws.style(r, 0).bold().set();
        if (value instanceof Number n) ws.value(r, 1, n);
        else if (value != null) ws.value(r, 1, value.toString());
        return r + 1;
    }
}
