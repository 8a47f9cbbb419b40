package org.gongkai.exports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.canonical.Bound;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.queries.BoundedValue;
import org.gongkai.queries.Column;
import org.gongkai.queries.Coverage;
import org.gongkai.queries.RowSink;

/**
 * A deterministic source of any number of rows shaped like a national query by agency and year, generated on the
 * fly so that the only memory an export can use is its own.
 */
final class SyntheticTable {

    private static final String[] PROVINCES = {"北京市", "辽宁省", "黑龙江省", "安徽省", "广东省", "四川省", "甘肃省"};

    private SyntheticTable() {}

    static List<Column> columns() {
        MetricCatalogue catalogue = MetricCatalogue.standard();
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("province", "省份", "Province", "string", null));
        columns.add(new Column("agency", "机构", "Agency", "string", null));
        columns.add(new Column("year", "年度", "Year", "integer", null));
        for (String key : List.of(
                "requests.new.total",
                "outcome.granted.total",
                "proactive.fees.amount_10k_yuan",
                "rate.grant",
                "proactive.items_published")) {
            Metric m = catalogue.get(key);
            String type = "ratio".equals(m.unit()) ? "rate" : "10k_yuan".equals(m.unit()) ? "decimal" : "integer";
            columns.add(new Column(key, m.label(), m.labelEn(), type, m.unit()));
        }
        return columns;
    }

    static List<Object> row(int i) {
        List<Object> row = new ArrayList<>(8);
        row.add(PROVINCES[i % PROVINCES.length]);
        row.add("第" + i + "号机构教育局");
        row.add(2019 + i % 6);
        row.add(BigDecimal.valueOf(i % 997));
        row.add(BigDecimal.valueOf(i % 991));
        row.add(BigDecimal.valueOf(i * 7919L % 10_000_000, 4));
        row.add(i % 11 == 0 ? null : BigDecimal.valueOf(i % 10_000, 4));
        row.add(i % 5 == 0 ? new BoundedValue(BigDecimal.valueOf(1000L + i), Bound.AT_LEAST) : i % 1000);
        return row;
    }

    /** Sends the header and {@code rows} rows to the sink; the coverage is made up to match. */
    static Coverage stream(int rows, RowSink sink) {
        sink.header(columns());
        for (int i = 0; i < rows; i++) sink.row(row(i));
        return new Coverage(rows, rows);
    }
}
