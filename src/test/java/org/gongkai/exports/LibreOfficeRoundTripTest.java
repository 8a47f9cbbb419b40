package org.gongkai.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gongkai.metrics.MetricCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens an exported workbook in LibreOffice Calc (headless, converting its first sheet to CSV) and compares every
 * number with the table that was exported. Install Calc with {@code scripts/install-libreoffice.sh}; where soffice
 * cannot be found the test is skipped, saying so.
 */
class LibreOfficeRoundTripTest {

    /** CSV filter: comma, double quote, UTF-8, raw cell values rather than values "as shown". */
    private static final String CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false";

    @TempDir
    Path dir;

    @Test
    void libreOfficeReadsTheSameNumbersFromTheWorkbook() throws Exception {
        String soffice = findSoffice();
        assumeTrue(
                soffice != null,
                "soffice (LibreOffice Calc) not found on PATH: run scripts/install-libreoffice.sh to run this test");

        Path xlsx = dir.resolve("export.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            SampleTable.writeTo(new XlsxExport(out, MetricCatalogue.standard()));
        }
        Process p = new ProcessBuilder(
                        soffice,
                        "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                        "--headless",
                        "--convert-to",
                        CSV_FILTER,
                        "--outdir",
                        dir.toString(),
                        xlsx.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("soffice.log").toFile())
                .start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("soffice finished").isTrue();
        Path csv = dir.resolve("export.csv");
        assertThat(csv).as(Files.readString(dir.resolve("soffice.log"))).exists();

        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
        assertThat(records.get(0).get(0).replace("\uFEFF", "")).isEqualTo("省份 (Province)");
        assertThat(records.get(0).get(4)).startsWith("行政事业性收费");
        List<List<Object>> expected = SampleTable.rows();
        assertThat(records).hasSize(expected.size() + 1);
        ExportLayout layout = new ExportLayout(SampleTable.COLUMNS);
        for (int r = 0; r < expected.size(); r++) {
            CSVRecord got = records.get(r + 1);
            for (int c = 0; c < layout.output().size(); c++) {
                ExportLayout.OutputColumn col = layout.output().get(c);
                Object cell = expected.get(r).get(col.source());
                String text = c < got.size() ? got.get(c) : "";
                String where = "row " + (r + 1) + " column " + col.key();
                Object plain = ExportLayout.plain(cell);
                if (col.bound()) {
                    assertThat(text).as(where).isEqualTo(ExportLayout.boundText(cell));
                } else if (plain instanceof Number n) {
                    assertThat(number(text)).as(where).isEqualByComparingTo(new BigDecimal(ExportLayout.numberText(n)));
                } else if (plain == null) {
                    assertThat(text).as(where).isEmpty();
                } else {
                    assertThat(text).as(where).isEqualTo(plain.toString());
                }
            }
        }
    }

    /** Calc writes percent-formatted cells with their % even when asked for raw values. */
    private static BigDecimal number(String text) {
        return text.endsWith("%")
                ? new BigDecimal(text.substring(0, text.length() - 1)).movePointLeft(2)
                : new BigDecimal(text);
    }

    private static String findSoffice() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("soffice", "libreoffice")) {
                File f = new File(dir, name);
                if (f.canExecute()) return f.getAbsolutePath();
            }
        }
        File debian = new File("/usr/lib/libreoffice/program/soffice");
        return debian.canExecute() ? debian.getAbsolutePath() : null;
    }
}
