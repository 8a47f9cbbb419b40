package org.gongkai.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.gongkai.metrics.MetricCatalogue;
import org.junit.jupiter.api.Test;

class XlsxExportTest {

    private static byte[] export() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SampleTable.writeTo(new XlsxExport(out, MetricCatalogue.standard()));
        return out.toByteArray();
    }

    private static List<Row> sheet(byte[] bytes, String name) throws Exception {
        try (ReadableWorkbook wb =
                new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false))) {
            Sheet s = wb.findSheet(name).orElseThrow(() -> new AssertionError("no sheet " + name));
            return s.read();
        }
    }

    @Test
    void hasDataDefinitionsAndSourcesSheetsInThatOrder() throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(export()))) {
            assertThat(wb.getSheets().map(Sheet::getName)).containsExactly("data", "definitions", "sources");
        }
    }

    @Test
    void writesHeaderLabelsInChineseAndEnglishAndNumbersAsNumbers() throws Exception {
        List<Row> rows = sheet(export(), "data");
        assertThat(rows.get(0).getCellText(0)).isEqualTo("省份 (Province)");
        assertThat(rows.get(0).getCellText(2)).isEqualTo("本年新收申请·总计 (New requests — Total)");
        assertThat(rows.get(0).getCellText(3)).isEqualTo("本年新收申请·总计·界限 (New requests — Total — bound)");
        Row liaoning = rows.get(1);
        assertThat(liaoning.getCellText(0)).isEqualTo("辽宁省");
        assertThat(liaoning.getCellAsNumber(1)).contains(new BigDecimal("2019"));
        assertThat(liaoning.getCellAsNumber(2)).contains(new BigDecimal("1234567"));
        assertThat(liaoning.getCellAsNumber(4)).contains(new BigDecimal("885.1737"));
        assertThat(liaoning.getCellAsNumber(6)).contains(new BigDecimal("0.8571"));
        // text is never a formula in a workbook, so it is written as given
        assertThat(rows.get(2).getCellText(0)).isEqualTo("=HYPERLINK(\"http://evil\")");
        assertThat(rows.get(2).getCell(0).getFormula()).isNull();
    }

    @Test
    void formatsCountsAsIntegersAmountsWithFourPlacesAndRatesAsPercentages() throws Exception {
        Row liaoning = sheet(export(), "data").get(1);
        assertThat(format(liaoning.getCell(1))).isEqualTo("0");
        assertThat(format(liaoning.getCell(2))).isEqualTo("0");
        assertThat(format(liaoning.getCell(4))).isEqualTo("0.0000");
        assertThat(format(liaoning.getCell(6))).isEqualTo("0.00%");
        assertThat(format(liaoning.getCell(8))).isEqualTo("0");
    }

    @Test
    void showsBoundsOnTheNumberAndInTheBoundColumn() throws Exception {
        List<Row> rows = sheet(export(), "data");
        Cell atLeast = rows.get(2).getCell(8);
        assertThat(atLeast.asNumber()).isEqualByComparingTo("1000");
        assertThat(format(atLeast)).isEqualTo("\\≥0");
        assertThat(rows.get(2).getCellText(9)).isEqualTo("at_least");
        assertThat(format(rows.get(3).getCell(2))).isEqualTo("\\≈0");
        assertThat(rows.get(3).getCellText(3)).isEqualTo("approximately");
        assertThat(rows.get(1).getCellText(3)).isEmpty();
    }

    @Test
    void definesEveryMetricOfTheTableFromTheCatalogueWithFormulasOfRates() throws Exception {
        List<Row> defs = sheet(export(), "definitions");
        assertThat(defs.get(0).getCellText(0)).isEqualTo("指标键 (Metric key)");
        assertThat(defs.subList(1, 5))
                .extracting(r -> r.getCellText(0))
                .containsExactly(
                        "requests.new.total",
                        "proactive.fees.amount_10k_yuan",
                        "rate.grant",
                        "proactive.items_published");
        Row fees = defs.get(2);
        assertThat(fees.getCellText(3)).isEqualTo("10k_yuan");
        assertThat(fees.getCellText(2))
                .isEqualTo(MetricCatalogue.standard()
                        .get("proactive.fees.amount_10k_yuan")
                        .labelEn());
        Row grant = defs.get(3);
        assertThat(grant.getCellText(1)).isEqualTo("公开率");
        assertThat(grant.getCellText(3)).isEqualTo("ratio");
        assertThat(grant.getCellText(7))
                .isEqualTo("(outcome.granted.total + outcome.partial.total) / outcome.total.total");
    }

    @Test
    void recordsRequestTimeCoverageAndReportsInSources() throws Exception {
        List<Row> src = sheet(export(), "sources");
        assertThat(src.get(0).getCellText(1)).isEqualTo("query");
        assertThat(src.get(1).getCellText(1)).isEqualTo("{\"metrics\":[\"requests.new.total\"]}");
        assertThat(src.get(2).getCellText(1)).isEqualTo("2025-03-01T08:00:00Z");
        assertThat(src.get(3).getCellAsNumber(1)).contains(new BigDecimal("4"));
        assertThat(src.get(4).getCellText(0)).isEqualTo("报告数 (Reports)");
        assertThat(src.get(4).getCellAsNumber(1)).contains(new BigDecimal("7"));
        assertThat(src.get(5).getCellAsNumber(1)).contains(new BigDecimal("5"));
        Row report = src.get(7);
        assertThat(report.getCellAsNumber(0)).contains(new BigDecimal("11"));
        assertThat(report.getCellText(1)).isEqualTo("牡丹江市教育局");
        assertThat(report.getCellAsNumber(3)).contains(new BigDecimal("2"));
    }

    @Test
    void coloursAndCommentsAFlaggedCell() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxExport x = new XlsxExport(out, MetricCatalogue.standard());
        x.header(SampleTable.COLUMNS.subList(0, 3));
        x.row(List.of("辽宁省", 2019, new FlaggedValue(new BigDecimal("5"), "1 of 1 reports fail: requests.balance")));
        x.finish(ExportSources.of("t", "{}", null));
        String xml = ZipText.entries(out.toByteArray());
        assertThat(xml).contains("requests.balance").contains("FFC7CE");
        Row row = sheet(out.toByteArray(), "data").get(1);
        assertThat(row.getCellAsNumber(2)).contains(new BigDecimal("5"));
    }

    private static String format(Cell cell) {
        return cell.getDataFormatString();
    }
}
