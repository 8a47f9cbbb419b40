package org.gongkai.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    private static byte[] export() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SampleTable.writeTo(new CsvExport(out));
        return out.toByteArray();
    }

    private static List<CSVRecord> records(byte[] bytes) throws Exception {
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            return p.getRecords();
        }
    }

    @Test
    void startsWithUtf8ByteOrderMarkSoExcelReadsChinese() {
        byte[] bytes = export();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("辽宁省");
    }

    @Test
    void writesOneHeaderRowWithChineseAndEnglishLabelsAndABoundColumnAfterEachMetric() throws Exception {
        CSVRecord header = records(export()).get(0);
        assertThat(header.toList())
                .containsExactly(
                        "省份 (Province)",
                        "年度 (Year)",
                        "本年新收申请·总计 (New requests — Total)",
                        "本年新收申请·总计·界限 (New requests — Total — bound)",
                        "行政事业性收费·本年收费金额（单位：万元） (Fees — Fees collected (10k yuan))",
                        "行政事业性收费·本年收费金额（单位：万元）·界限 (Fees — Fees collected (10k yuan) — bound)",
                        "公开率 (Grant rate)",
                        "公开率·界限 (Grant rate — bound)",
                        "主动公开信息条数 (Items published proactively)",
                        "主动公开信息条数·界限 (Items published proactively — bound)");
    }

    @Test
    void writesRawNumbersWithoutGroupingOrExponent() throws Exception {
        List<CSVRecord> rows = records(export());
        assertThat(rows.get(1).toList())
                .containsExactly("辽宁省", "2019", "1234567", "", "885.1737", "", "0.8571", "", "392", "");
        assertThat(rows.get(4).get(4)).isEqualTo("1000"); // 1E+3 written plain
        assertThat(rows.get(4).get(2)).isEqualTo("0");
    }

    @Test
    void keepsTheNumberOfABoundedValueAndNamesItsBoundBesideIt() throws Exception {
        List<CSVRecord> rows = records(export());
        assertThat(rows.get(2).get(8)).isEqualTo("1000");
        assertThat(rows.get(2).get(9)).isEqualTo("at_least");
        assertThat(rows.get(3).get(2)).isEqualTo("73");
        assertThat(rows.get(3).get(3)).isEqualTo("approximately");
        assertThat(rows.get(2).get(6)).isEmpty(); // no figure stays empty, never 0
    }

    @Test
    void guardsTextThatASpreadsheetWouldRunAsAFormula() throws Exception {
        List<CSVRecord> rows = records(export());
        assertThat(rows.get(2).get(0)).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(rows.get(4).get(0)).isEqualTo("'-1+2");
        assertThat(FormulaGuard.guard("+86")).isEqualTo("'+86");
        assertThat(FormulaGuard.guard("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(FormulaGuard.guard("\tx")).isEqualTo("'\tx");
        assertThat(FormulaGuard.guard("\rx")).isEqualTo("'\rx");
        assertThat(FormulaGuard.guard("黑龙江省")).isEqualTo("黑龙江省");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksPerRfc4180() throws Exception {
        byte[] bytes = export();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\"安徽省, \"\"教育厅\"\"\n第二行\"");
        assertThat(text).contains("\r\n");
        assertThat(records(bytes).get(3).get(0)).isEqualTo("安徽省, \"教育厅\"\n第二行");
        assertThat(records(bytes)).hasSize(5);
    }
}
