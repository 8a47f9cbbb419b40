package org.gongkai.exports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.canonical.Bound;
import org.gongkai.queries.BoundedValue;
import org.gongkai.queries.Column;

/**
 * The columns of an exported table, shared by CSV and XLSX so both files have the same shape: each query column
 * once, and after every metric column a companion {@code <key>.bound} column that is empty for exact numbers and says
 * {@code at_least} ("1000余条") or {@code approximately} ("约500条") otherwise. The number itself stays a plain
 * number in its own column, so sums and charts work; the bound is never dropped.
 */
public final class ExportLayout {

    /** Suffix of the companion column that carries a metric column's bound. */
    public static final String BOUND_SUFFIX = ".bound";

    private final List<Column> columns;
    private final List<OutputColumn> output;

    public ExportLayout(List<Column> columns) {
        this.columns = List.copyOf(columns);
        List<OutputColumn> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            out.add(new OutputColumn(c.key(), header(c), i, false, numberFormat(c)));
            if (isMetric(c)) {
                out.add(new OutputColumn(c.key() + BOUND_SUFFIX, boundHeader(c), i, true, null));
            }
        }
        this.output = List.copyOf(out);
    }

    public List<Column> columns() {
        return columns;
    }

    public List<OutputColumn> output() {
        return output;
    }

    /** Metric columns carry a unit; group-by columns (year, province, agency…) do not. */
    public static boolean isMetric(Column c) {
        return c.unit() != null;
    }

    /** "中文标签 (English label)": one header row that both readers of the file can use. */
    public static String header(Column c) {
        String zh = c.label() == null ? c.key() : c.label();
        if (c.labelEn() == null || c.labelEn().isBlank() || c.labelEn().equals(zh)) return zh;
        return zh + " (" + c.labelEn() + ")";
    }

    static String boundHeader(Column c) {
        String zh = (c.label() == null ? c.key() : c.label()) + "·界限";
        String en = (c.labelEn() == null ? c.key() : c.labelEn()) + " — bound";
        return zh + " (" + en + ")";
    }

    /** Excel number format of a column: counts {@code 0}, 万元 amounts {@code 0.0000}, rates {@code 0.00%}. */
    public static String numberFormat(Column c) {
        if ("10k_yuan".equals(c.unit())) return "0.0000";
        if (c.type() == null) return null;
        return switch (c.type()) {
            case "integer" -> "0";
            case "decimal" -> "0.0000";
            case "rate" -> "0.00%";
            default -> null;
        };
    }

    /** The number or text of a cell, without its bound or finding. */
    public static Object plain(Object cell) {
        if (cell instanceof FlaggedValue f) return plain(f.value());
        if (cell instanceof BoundedValue b) return b.value();
        return cell;
    }

    /** The bound of a cell, exact for plain numbers and text. */
    public static Bound bound(Object cell) {
        if (cell instanceof FlaggedValue f) return bound(f.value());
        if (cell instanceof BoundedValue b && b.bound() != null) return b.bound();
        return Bound.EXACT;
    }

    /** The companion column's text: empty when exact. */
    public static String boundText(Object cell) {
        Bound b = bound(cell);
        return b == Bound.EXACT ? "" : b.code();
    }

    /** A number as CSV text: no grouping, no exponent (BigDecimal plain). */
    public static String numberText(Number n) {
        if (n instanceof BigDecimal d) return d.toPlainString();
        if (n instanceof Double || n instanceof Float) return new BigDecimal(n.toString()).toPlainString();
        return n.toString();
    }

    /**
     * One column of the file.
     *
     * @param source index of the query column it shows
     * @param bound whether it is the companion bound column of that query column
     * @param numberFormat Excel number format, null for text
     */
    public record OutputColumn(String key, String header, int source, boolean bound, String numberFormat) {}
}
