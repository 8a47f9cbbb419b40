package org.gongkai.exports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gongkai.canonical.Bound;
import org.gongkai.queries.BoundedValue;
import org.gongkai.queries.Column;
import org.gongkai.queries.Coverage;
import org.gongkai.queries.QueryResult;

/** A small query result with every kind of cell an export meets: text, years, counts, 万元, rates, bounds, gaps. */
final class SampleTable {

    private SampleTable() {}

    static final List<Column> COLUMNS = List.of(
            new Column("province", "省份", "Province", "string", null),
            new Column("year", "年度", "Year", "integer", null),
            new Column("requests.new.total", "本年新收申请·总计", "New requests — Total", "integer", "requests"),
            new Column(
                    "proactive.fees.amount_10k_yuan",
                    "行政事业性收费·本年收费金额（单位：万元）",
                    "Fees — Fees collected (10k yuan)",
                    "decimal",
                    "10k_yuan"),
            new Column("rate.grant", "公开率", "Grant rate", "rate", "ratio"),
            new Column("proactive.items_published", "主动公开信息条数", "Items published proactively", "integer", "items"));

    static final Coverage COVERAGE = new Coverage(7, 5);

    static List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(
                "辽宁省", 2019, new BigDecimal("1234567"), new BigDecimal("885.1737"), new BigDecimal("0.8571"), 392));
        rows.add(Arrays.asList(
                "=HYPERLINK(\"http://evil\")",
                2020,
                new BigDecimal("12"),
                new BigDecimal("0.0001"),
                null,
                new BoundedValue(new BigDecimal("1000"), Bound.AT_LEAST)));
        rows.add(Arrays.asList(
                "安徽省, \"教育厅\"\n第二行",
                2024,
                new BoundedValue(new BigDecimal("73"), Bound.APPROXIMATELY),
                null,
                new BigDecimal("1"),
                new BigDecimal("13000")));
        rows.add(Arrays.asList("-1+2", 2021, 0, new BigDecimal("1E+3"), new BigDecimal("0"), null));
        return rows;
    }

    static QueryResult result() {
        return new QueryResult(COLUMNS, rows(), rows().size(), COVERAGE);
    }

    static void writeTo(TableWriter writer) {
        writer.header(COLUMNS);
        rows().forEach(writer::row);
        writer.finish(new ExportSources(
                "query",
                "{\"metrics\":[\"requests.new.total\"]}",
                java.time.Instant.parse("2025-03-01T08:00:00Z"),
                COVERAGE,
                List.of(new ExportSources.ReportRevision(11, "牡丹江市教育局", 2019, 2, 0)),
                0));
    }
}
