package org.gongkai.exports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gongkai.canonical.Bound;
import org.gongkai.queries.BoundedValue;
import org.gongkai.queries.Column;
import org.gongkai.queries.RowSink;

/**
 * Turns the engine's rows (one per entity and year, entities contiguous because the engine orders by its group keys)
 * into comparison rows (one per entity, years side by side), holding one entity at a time.
 */
final class ComparisonPivot implements RowSink {

    private final ComparisonView.Request request;
    private final Map<String, String> findings;
    private final TableWriter writer;
    private int yearIndex;
    private int entityColumns;
    private List<Column> metricColumns;
    private String currentKey;
    private List<Object> currentEntity;
    private final Map<Integer, List<Object>> currentYears = new HashMap<>();

    ComparisonPivot(ComparisonView.Request request, Map<String, String> findings, TableWriter writer) {
        this.request = request;
        this.findings = findings;
        this.writer = writer;
    }

    @Override
    public void header(List<Column> columns) {
        yearIndex = indexOf(columns, "year");
        entityColumns = yearIndex;
        metricColumns = columns.subList(yearIndex + 1, columns.size());
        List<Column> out = new ArrayList<>(columns.subList(0, entityColumns));
        for (Column m : metricColumns) {
            for (int y = request.yearFrom(); y <= request.yearTo(); y++) {
                out.add(new Column(
                        m.key() + "@" + y, m.label() + "·" + y + "年", m.labelEn() + " · " + y, m.type(), m.unit()));
            }
        }
        for (Column m : metricColumns) {
            boolean rate = "rate".equals(m.type());
            for (int y = request.yearFrom() + 1; y <= request.yearTo(); y++) {
                out.add(new Column(
                        m.key() + "@" + y + ".change",
                        m.label() + "·" + y + "年比上年增减",
                        m.labelEn() + " · change " + y + " on " + (y - 1),
                        m.type(),
                        m.unit()));
                if (!rate) {
                    out.add(new Column(
                            m.key() + "@" + y + ".growth",
                            m.label() + "·" + y + "年同比增长率",
                            m.labelEn() + " · growth " + y + " on " + (y - 1),
                            "rate",
                            "ratio"));
                }
            }
        }
        for (int y = request.yearFrom(); y <= request.yearTo(); y++) {
            out.add(new Column(
                    "failed_checks@" + y, y + "年未通过勾稽校验的报告数", "Reports failing cross-checks " + y, "integer", null));
        }
        writer.header(out);
    }

    @Override
    public void row(List<Object> cells) {
        String key = entityKey(cells);
        if (currentEntity != null && !Objects.equals(key, currentKey)) emit();
        if (currentEntity == null) {
            currentKey = key;
            currentEntity = new ArrayList<>(cells.subList(0, entityColumns));
        }
        Object year = cells.get(yearIndex);
        if (year instanceof Integer y) currentYears.put(y, cells.subList(yearIndex + 1, cells.size()));
    }

    void finish() {
        if (currentEntity != null) emit();
    }

    /** The entity's code (second column: region code or agency id), the name when there is none. */
    private String entityKey(List<Object> cells) {
        Object code = entityColumns > 1 ? cells.get(1) : cells.get(0);
        return code == null ? null : code.toString().trim();
    }

    private void emit() {
        List<Object> out = new ArrayList<>(currentEntity);
        for (int m = 0; m < metricColumns.size(); m++) {
            for (int y = request.yearFrom(); y <= request.yearTo(); y++) {
                Object v = value(y, m);
                String finding = findings.get(currentKey + "|" + y);
                out.add(finding == null ? v : new FlaggedValue(v, finding));
            }
        }
        for (int m = 0; m < metricColumns.size(); m++) {
            boolean rate = "rate".equals(metricColumns.get(m).type());
            for (int y = request.yearFrom() + 1; y <= request.yearTo(); y++) {
                Object now = value(y, m);
                Object before = value(y - 1, m);
                out.add(change(now, before));
                if (!rate) out.add(growth(now, before));
            }
        }
        for (int y = request.yearFrom(); y <= request.yearTo(); y++) {
            String finding = findings.get(currentKey + "|" + y);
            out.add(finding == null ? (currentYears.containsKey(y) ? 0 : null) : failedCount(finding));
        }
        writer.row(out);
        currentEntity = null;
        currentKey = null;
        currentYears.clear();
    }

    private Object value(int year, int metric) {
        List<Object> cells = currentYears.get(year);
        return cells == null ? null : cells.get(metric);
    }

    private static Object change(Object now, Object before) {
        BigDecimal a = number(now);
        BigDecimal b = number(before);
        if (a == null || b == null) return null;
        return bounded(a.subtract(b), now, before);
    }

    private static Object growth(Object now, Object before) {
        BigDecimal a = number(now);
        BigDecimal b = number(before);
        if (a == null || b == null || b.signum() == 0) return null;
        return bounded(
                a.subtract(b).divide(b, MathContext.DECIMAL64).setScale(6, java.math.RoundingMode.HALF_EVEN),
                now,
                before);
    }

    /** A change between inexact figures is itself only approximate. */
    private static Object bounded(BigDecimal v, Object now, Object before) {
        boolean exact = ExportLayout.bound(now) == Bound.EXACT && ExportLayout.bound(before) == Bound.EXACT;
        return exact ? v : new BoundedValue(v, Bound.APPROXIMATELY);
    }

    private static BigDecimal number(Object cell) {
        Object v = ExportLayout.plain(cell);
        if (v instanceof BigDecimal d) return d;
        if (v instanceof Number n) return new BigDecimal(n.toString());
        return null;
    }

    /** Findings start with the count: "2 of 3 reports fail cross-checks: …". */
    private static Integer failedCount(String finding) {
        int space = finding.indexOf(' ');
        return Integer.valueOf(finding.substring(0, space));
    }

    private static int indexOf(List<Column> columns, String key) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).key().equals(key)) return i;
        throw new IllegalStateException("the engine's result has no " + key + " column");
    }
}
