package org.gongkai.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @TempDir
    Path dir;

    @Test
    void libreOfficeReadsTheSameNumbersFromTheWorkbook() throws Exception {
        String soffice = LibreOffice.find();
        assumeTrue(soffice != null, LibreOffice.MISSING);

        Path xlsx = dir.resolve("export.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            SampleTable.writeTo(new XlsxExport(out, MetricCatalogue.standard()));
        }
        List<CSVRecord> records = LibreOffice.toCsv(soffice, xlsx, dir);
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
                    assertThat(LibreOffice.number(text))
                            .as(where)
                            .isEqualByComparingTo(new BigDecimal(ExportLayout.numberText(n)));
                } else if (plain == null) {
                    assertThat(text).as(where).isEmpty();
                } else {
                    assertThat(text).as(where).isEqualTo(plain.toString());
                }
            }
        }
    }
}
