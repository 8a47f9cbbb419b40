package org.gongkai.exports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
@Tag("database")
class ExportResourceTest {

    @TempDir
    Path dir;

    @BeforeEach
    void load() {
        ExportDataset.load();
    }

    private static JsonPath queryApi() {
        return given().contentType(ContentType.JSON)
                .body(ExportDataset.QUERY)
                .post("/api/query")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Response export(String format, String body, String path) {
        return given().contentType(ContentType.JSON)
                .queryParam("format", format)
                .body(body)
                .post(path)
                .then()
                .extract()
                .response();
    }

    private static List<CSVRecord> csv(byte[] bytes) throws Exception {
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            return p.getRecords();
        }
    }

    private static List<Row> sheet(byte[] xlsx, String name) throws Exception {
        try (ReadableWorkbook wb =
                new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            Sheet s = wb.findSheet(name).orElseThrow();
            return s.read();
        }
    }

    /** The cell of the query API's answer as the file should show it: plain number text, or the text. */
    private static String apiCell(JsonPath api, int row, int column) {
        Object v = api.get("rows[" + row + "][" + column + "]");
        if (v instanceof java.util.Map<?, ?> bounded) v = bounded.get("value");
        if (v == null) return "";
        if (v instanceof Number n) return new BigDecimal(n.toString()).toPlainString();
        return v.toString();
    }

    @Test
    void exportsAQueryAsCsvWithTheSameNumbersAsTheQueryApi() throws Exception {
        JsonPath api = queryApi();
        Response r = export("csv", ExportDataset.QUERY, "/api/exports");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        assertThat(r.header("Content-Disposition"))
                .matches("attachment; filename=\"gongkai-query-\\d{8}-\\d{6}\\.csv\"");
        List<CSVRecord> records = csv(r.asByteArray());
        List<String> keys = api.getList("columns.key", String.class);
        assertThat(records).hasSize(api.getList("rows").size() + 1).hasSize(5);
        assertThat(records.get(0).get(0)).isEqualTo("机关 (Agency)");
        for (int row = 0; row < 4; row++) {
            CSVRecord rec = records.get(row + 1);
            int out = 0;
            for (int c = 0; c < keys.size(); c++) {
                String expected = apiCell(api, row, c);
                if (api.get("rows[" + row + "][" + c + "]") instanceof String || expected.isEmpty()) {
                    assertThat(rec.get(out)).as("row %d %s", row, keys.get(c)).isEqualTo(expected);
                } else {
                    assertThat(new BigDecimal(rec.get(out)))
                            .as("row %d %s", row, keys.get(c))
                            .isEqualByComparingTo(expected);
                }
                boolean metric = api.getString("columns[" + c + "].unit") != null;
                out += metric ? 2 : 1;
            }
        }
        // the education bureau's 2020 items are a lower bound (1000余条) and say so
        int items = records.get(0).toList().indexOf("主动公开信息条数 (Items published proactively)");
        assertThat(records.stream().skip(1).filter(x -> x.get(items).equals("1000")))
                .singleElement()
                .satisfies(x -> assertThat(x.get(items + 1)).isEqualTo("at_least"));
    }

    @Test
    void exportsAQueryAsXlsxWithCoverageAndTheSameNumbers() throws Exception {
        JsonPath api = queryApi();
        Response r = export("xlsx", ExportDataset.QUERY, "/api/exports");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo(ExportFormat.XLSX.mediaType());
        assertThat(r.header("Content-Disposition")).endsWith(".xlsx\"");
        byte[] bytes = r.asByteArray();
        List<Row> data = sheet(bytes, "data");
        int requests = 3; // agency, agencyId, year, then requests.new.total
        for (int row = 0; row < 4; row++) {
            assertThat(data.get(row + 1).getCellAsNumber(requests).orElseThrow())
                    .isEqualByComparingTo(apiCell(api, row, 3));
        }
        assertThat(data.get(1).getCell(requests).getDataFormatString()).isEqualTo("0");
        List<Row> sources = sheet(bytes, "sources");
        assertThat(sources.get(4).getCellAsNumber(1).orElseThrow().longValue())
                .isEqualTo(api.getLong("coverage.reports"));
        assertThat(sources.get(1).getCellText(1)).contains("\"出口测试\"").contains("rate.grant");
        List<Row> defs = sheet(bytes, "definitions");
        assertThat(defs).extracting(x -> x.getCellText(0)).contains("requests.new.total", "rate.grant");
    }

    @Test
    void libreOfficeReadsTheApiNumbersFromTheExportedWorkbook() throws Exception {
        String soffice = LibreOffice.find();
        assumeTrue(soffice != null, LibreOffice.MISSING);
        JsonPath api = queryApi();
        Path xlsx = dir.resolve("query.xlsx");
        Files.write(xlsx, export("xlsx", ExportDataset.QUERY, "/api/exports").asByteArray());
        List<CSVRecord> calc = LibreOffice.toCsv(soffice, xlsx, dir);
        List<String> keys = api.getList("columns.key", String.class);
        assertThat(calc).hasSize(5);
        for (int row = 0; row < 4; row++) {
            int out = 0;
            for (int c = 0; c < keys.size(); c++) {
                String expected = apiCell(api, row, c);
                String got = calc.get(row + 1).get(out);
                if (api.get("rows[" + row + "][" + c + "]") instanceof String || expected.isEmpty()) {
                    assertThat(got).as("row %d %s", row, keys.get(c)).isEqualTo(expected);
                } else {
                    assertThat(LibreOffice.number(got))
                            .as("row %d %s", row, keys.get(c))
                            .isEqualByComparingTo(expected);
                }
                out += api.getString("columns[" + c + "].unit") != null ? 2 : 1;
            }
        }
    }

    @Test
    void refusesAnUnknownMetricWithAProblemNamingIt() {
        given().contentType(ContentType.JSON)
                .queryParam("format", "csv")
                .body("{\"metrics\": [\"requests.nope\"], \"groupBy\": [\"year\"]}")
                .post("/api/exports")
                .then()
                .statusCode(equalTo(400))
                .contentType("application/problem+json")
                .body("detail", containsString("requests.nope"));
    }

    @Test
    void refusesAFormatItCannotWrite() {
        given().contentType(ContentType.JSON)
                .queryParam("format", "pdf")
                .body(ExportDataset.QUERY)
                .post("/api/exports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItem("format"));
    }

    private static final String COMPARISON =
            """
            {"metrics": ["requests.new.total", "rate.grant"], "rows": "agency",
             "filters": {"regionCode": "520300", "agency": "出口测试"}, "years": [2020, 2021]}
            """;

    @Test
    void comparesAgenciesAcrossYearsWithChangesAndMarksCellsOfFailingReports() throws Exception {
        Response r = export("xlsx", COMPARISON, "/api/exports/comparison");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        assertThat(r.header("Content-Disposition")).contains("gongkai-comparison-");
        byte[] bytes = r.asByteArray();
        List<Row> data = sheet(bytes, "data");
        List<String> header = data.get(0).stream().map(c -> c.getText()).toList();
        Metric requests = MetricCatalogue.standard().get("requests.new.total");
        String zh = requests.label();
        String en = requests.labelEn();
        int y2020 = header.indexOf(zh + "·2020年 (" + en + " · 2020)");
        int y2021 = header.indexOf(zh + "·2021年 (" + en + " · 2021)");
        int change = header.indexOf(zh + "·2021年比上年增减 (" + en + " · change 2021 on 2020)");
        int growth = header.indexOf(zh + "·2021年同比增长率 (" + en + " · growth 2021 on 2020)");
        int failed2021 = header.indexOf("2021年未通过勾稽校验的报告数 (Reports failing cross-checks 2021)");
        assertThat(List.of(y2020, y2021, change, growth, failed2021))
                .allSatisfy(i -> assertThat(i).isPositive());
        Row education = data.stream()
                .filter(x -> x.getCellText(0).equals("遵义市出口测试教育局"))
                .findFirst()
                .orElseThrow();
        assertThat(education.getCellAsNumber(y2020).orElseThrow()).isEqualByComparingTo("10");
        assertThat(education.getCellAsNumber(y2021).orElseThrow()).isEqualByComparingTo("15");
        assertThat(education.getCellAsNumber(change).orElseThrow()).isEqualByComparingTo("5");
        assertThat(education.getCellAsNumber(growth).orElseThrow()).isEqualByComparingTo("0.5");
        assertThat(education.getCell(growth).getDataFormatString()).isEqualTo("0.00%");
        assertThat(education.getCellAsNumber(failed2021).orElseThrow()).isEqualByComparingTo("1");
        Row police = data.stream()
                .filter(x -> x.getCellText(0).equals("遵义市出口测试公安局"))
                .findFirst()
                .orElseThrow();
        assertThat(police.getCellAsNumber(failed2021).orElseThrow()).isEqualByComparingTo("0");
        // the failing 2021 cell of the education bureau is coloured and carries the failed rule as a comment
        String xml = ZipText.entries(bytes);
        assertThat(xml)
                .contains("FFC7CE")
                .contains("1 of 1 reports behind this cell fail cross-checks")
                .contains("requests.balance");
        List<Row> sources = sheet(bytes, "sources");
        assertThat(sources).extracting(x -> x.getCellText(1)).contains("遵义市出口测试教育局", "遵义市出口测试公安局");
    }

    @Test
    void writesTheComparisonAsCsvWithFailedCheckCounts() throws Exception {
        Response r = export("csv", COMPARISON, "/api/exports/comparison");
        assertThat(r.statusCode()).isEqualTo(200);
        List<CSVRecord> records = csv(r.asByteArray());
        int failed2021 = records.get(0).toList().indexOf("2021年未通过勾稽校验的报告数 (Reports failing cross-checks 2021)");
        int rate2021 = records.get(0).toList().indexOf("公开率·2021年 (Grant rate · 2021)");
        CSVRecord education = records.stream()
                .filter(x -> x.get(0).equals("遵义市出口测试教育局"))
                .findFirst()
                .orElseThrow();
        assertThat(education.get(failed2021)).isEqualTo("1");
        assertThat(new BigDecimal(education.get(rate2021))).isEqualByComparingTo("0.75"); // (9 + 0) / 12
    }

    @Test
    void refusesAComparisonWithoutRowsOrYears() {
        given().contentType(ContentType.JSON)
                .body("{\"metrics\": [\"requests.new.total\"], \"rows\": \"street\", \"years\": [2021]}")
                .post("/api/exports/comparison")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItem("/rows"))
                .body("errors.pointer", hasItem("/years"));
    }
}
