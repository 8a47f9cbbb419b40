package org.gongkai.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.FileInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.bulk.BulkPost;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.security.DefaultAdminToken;
import org.gongkai.tools.generator.CorpusGenerator;
import org.gongkai.tools.generator.GeneratedReport;
import org.gongkai.tools.generator.GeneratorOptions;
import org.gongkai.tools.generator.SubmissionJson;
import org.gongkai.tools.rendering.Layout;
import org.gongkai.tools.rendering.ReportRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard end to end, in Debian's headless Chromium, on a generated corpus (bulk-loaded, plus a few of its
 * reports sent as rendered documents so that figures have text to come from): each page renders, the numbers on
 * screen equal the API's answers to questions the test asks itself (and the generator's truth), the URL carries the
 * state and gives it back, a click on a figure shows its text, exports download files that parse, a supervisor is
 * held to its region, and the console stays clean. Screenshots of every page go to {@code target/screenshots}.
 */
@QuarkusTest
@TestProfile(DashboardBrowserTest.Corpus.class)
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIf(
        value = "org.gongkai.web.Browser#installed",
        disabledReason = "Debian chromium and chromium-driver are not installed (/usr/bin/chromium,"
                + " /usr/bin/chromedriver): run scripts/install-chromium.sh; the dashboard's browser tests did not run")
class DashboardBrowserTest {

    /** A database of its own: the corpus spreads over the country. */
    public static class Corpus implements QuarkusTestProfile {}

    private static final int FROM = 2016;
    private static final int TO = 2025;
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TestHTTPResource("/")
    URL base;

    private static Browser browser;
    private static List<GeneratedReport> corpus;
    /** The province and city with the most generated reports. */
    private static String province;

    private static String city;
    /** A report stored from a rendered document (its figures have text to come from). */
    private static String documentReport;
    /** A report of the province with failed cross-checks. */
    private static String faultyReport;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.close();
        browser = null;
    }

    /** Loads the corpus once (bulk NDJSON, and a few reports as documents) and opens the browser. */
    private void setUp() throws Exception {
        if (browser != null) return;
        if (corpus == null) load();
        browser = new Browser();
    }

    private static void load() throws Exception {
        corpus = new CorpusGenerator(GeneratorOptions.defaults()
                        .withReports(1200)
                        .withSeed(16)
                        .withFaultShare(0.08))
                .reports()
                .toList();
        province = mostReported(r -> r.agency().provinceCode());
        city = corpus.stream()
                .filter(r -> r.agency().provinceCode().equals(province))
                .filter(r -> !r.agency().regionCode().endsWith("0000"))
                .map(r -> r.agency().regionCode().substring(0, 4) + "00")
                .collect(Collectors.groupingBy(c -> c, Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElseThrow();
        // two reports of the province in a table format go in as documents instead of JSON
        List<GeneratedReport> tables = corpus.stream()
                .filter(r -> r.agency().provinceCode().equals(province))
                .filter(r -> r.report().format() == ReportFormat.F2021)
                .toList();
        GeneratedReport clean =
                tables.stream().filter(r -> !r.faulty()).findFirst().orElseThrow();
        SubmissionJson json = SubmissionJson.standard();
        List<String> lines = corpus.stream()
                .filter(r -> r != clean)
                .map(r -> json.line(r.report()))
                .toList();
        // in a few bulk requests, each answered well within a client's read timeout on a busy machine
        for (int from = 0; from < lines.size(); from += 300) {
            BulkPost.ndjson(String.join("\n", lines.subList(from, Math.min(lines.size(), from + 300))))
                    .post("/api/reports/bulk")
                    .then()
                    .statusCode(200);
        }
        documentReport = postDocument(clean);
        // a report of the province whose cross-checks fail (the generator injects faults into a share of them)
        faultyReport = JSON.readTree(given().queryParam("regionCode", province)
                        .get("/api/views/anomalies")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .at("/failedChecks/0/reportId")
                .asText(null);
    }

    private static String mostReported(java.util.function.Function<GeneratedReport, String> key) {
        return corpus.stream().collect(Collectors.groupingBy(key, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
    }

    private static String postDocument(GeneratedReport g) {
        String html = ReportRenderer.standard().render(g.report(), Layout.HTML_TABLE);
        return given().contentType("text/html; charset=UTF-8")
                .queryParam("agency", g.report().agencyName())
                .queryParam("year", g.report().year())
                .queryParam("regionCode", g.report().regionCode())
                .body(html.getBytes(StandardCharsets.UTF_8))
                .post("/api/documents")
                .then()
                .statusCode(201)
                .extract()
                .path("report.id");
    }

    /** Opens a hash of the dashboard and waits until its page has rendered. */
    private void open(String hash) {
        String url = base.toString().replaceAll("/$", "") + "/" + hash;
        if (browser.driver.getCurrentUrl().startsWith(base.toString().replaceAll("/$", ""))) {
            browser.js("location.hash = arguments[0]", hash);
        } else {
            browser.driver.get(url);
        }
        browser.awaitPage();
    }

    private static String state(String page, String... keyValues) {
        StringBuilder s = new StringBuilder("#/" + page);
        for (int i = 0; i < keyValues.length; i += 2) {
            s.append(i == 0 ? '?' : '&').append(keyValues[i]).append('=').append(keyValues[i + 1]);
        }
        return s.toString();
    }

    private static JsonNode query(String body) throws Exception {
        return JSON.readTree(given().contentType("application/json")
                .body(body)
                .post("/api/query")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static int column(JsonNode result, String key) {
        JsonNode columns = result.get("columns");
        for (int i = 0; i < columns.size(); i++)
            if (columns.get(i).get("key").asText().equals(key)) return i;
        throw new AssertionError("no column " + key);
    }

    /** A cell of a query answer as a number (null when there is no figure). */
    private static BigDecimal value(JsonNode cell) {
        if (cell == null || cell.isNull()) return null;
        if (cell.isObject()) return cell.get("value").decimalValue();
        return cell.decimalValue();
    }

    /** What the dashboard printed, read back: 1,234 → 1234, ≥1,000 → 1000, 87.7% → 0.877, — → null. */
    private static BigDecimal shown(String text) {
        String t = text.replace(",", "").replace("≥", "").replace("≈", "").strip();
        if (t.equals("—")) return null;
        if (t.endsWith("%")) return new BigDecimal(t.substring(0, t.length() - 1)).movePointLeft(2);
        return new BigDecimal(t);
    }

    /** The printed text says the API's value: counts exactly, rates to the tenth of a percent printed. */
    private static void assertShows(String text, JsonNode apiCell, String what) {
        BigDecimal api = value(apiCell);
        BigDecimal screen = shown(text);
        if (api == null) {
            assertThat(screen).as(what).isNull();
            return;
        }
        assertThat(screen).as(what).isNotNull();
        if (text.endsWith("%"))
            assertThat(screen).as(what).isEqualByComparingTo(api.setScale(3, RoundingMode.HALF_EVEN));
        else assertThat(screen).as(what).isEqualByComparingTo(api.setScale(0, RoundingMode.HALF_UP));
        if (apiCell.isObject())
            assertThat(text)
                    .as(what + " bound")
                    .startsWith("at_least".equals(apiCell.get("bound").asText()) ? "≥" : "≈");
    }

    private void assertNoConsoleErrors(String page) {
        assertThat(browser.consoleErrors()).as("console errors on " + page).isEmpty();
    }

    @Test
    @Order(1)
    void signsInWithATokenAndShowsTheOverviewAsTheApiAnswersIt() throws Exception {
        setUp();
        // sessionStorage is per tab: a fresh one asks for a token
        browser.driver.get(base.toString().replaceAll("/$", "") + "/"
                + state("overview", "region", province, "from", "" + FROM, "to", "" + TO));
        WebElement token = new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
                .until(d -> d.findElement(By.id("token-input")));
        assertThat(browser.find("#signin").getAttribute("open")).isNotNull();
        token.sendKeys("not-a-token");
        browser.find("#signin-submit").click();
        new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10))
                .until(d -> !d.findElement(By.id("signin-error")).getText().isBlank());
        token.clear();
        token.sendKeys(DefaultAdminToken.TOKEN);
        browser.find("#signin-submit").click();
        browser.awaitPage();
        assertThat(browser.js("return sessionStorage.getItem('gongkai.token')")).isEqualTo(DefaultAdminToken.TOKEN);
        assertThat(browser.js("return document.cookie")).isEqualTo("");

        // the test's own question, not the page's: requests and the grant rate per year of the province
        JsonNode api = query("{\"metrics\": [\"requests.new.total\", \"rate.grant\", \"proactive.items_published\","
                + " \"outcome.denied.total\"], \"groupBy\": [\"year\"], \"filters\": {\"regionCode\": \"" + province
                + "\", \"years\": [" + FROM + ", " + TO + "]}}");
        List<WebElement> rows = browser.all("#per-year tbody tr");
        assertThat(rows).hasSize(api.get("rows").size());
        Map<Integer, BigDecimal> truth = truthPerYear("requests.new.total");
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = api.get("rows").get(i);
            WebElement tr = rows.get(i);
            assertThat(tr.findElement(By.cssSelector("[data-key='year']")).getText())
                    .isEqualTo(row.get(0).asText());
            for (String key :
                    List.of("requests.new.total", "rate.grant", "proactive.items_published", "outcome.denied.total")) {
                assertShows(
                        tr.findElement(By.cssSelector("[data-key='" + key + "']"))
                                .getText(),
                        row.get(column(api, key)),
                        key + " of " + row.get(0).asText());
            }
            // and the API agrees with the generator's own sums
            assertThat(value(row.get(column(api, "requests.new.total"))))
                    .as(
                            "requests of %s against the generator's truth",
                            row.get(0).asText())
                    .isEqualByComparingTo(truth.get(row.get(0).asInt()));
        }
        // the latest year's card, and the chart drawn
        assertShows(
                browser.find(".kpi[data-kpi='requests.new.total'] .value").getText(),
                api.get("rows").get(api.get("rows").size() - 1).get(column(api, "requests.new.total")),
                "latest year card");
        assertThat(browser.all("#requests-outcomes .chart canvas")).isNotEmpty();
        browser.screenshot("overview");
        assertNoConsoleErrors("overview");
    }

    /** Requests received per year in the province, summed from the generator's reports. */
    private static Map<Integer, BigDecimal> truthPerYear(String key) {
        Map<Integer, BigDecimal> out = new HashMap<>();
        for (GeneratedReport r : corpus) {
            if (!r.agency().provinceCode().equals(province)) continue;
            BigDecimal v = r.expectedValues().get(key);
            if (v != null) out.merge(r.report().year(), v, BigDecimal::add);
        }
        return out;
    }

    @Test
    @Order(2)
    void theUrlCarriesTheStateAndGivesItBack() throws Exception {
        setUp();
        open(state("overview", "region", province, "from", "" + FROM, "to", "" + TO));
        // change the city, the last year and the sector through the controls
        new Select(browser.find("#f-city")).selectByValue(city);
        browser.awaitPage();
        WebElement to = browser.find("#f-to");
        to.clear();
        to.sendKeys("2024", Keys.TAB);
        browser.awaitPage();
        new Select(browser.find("#f-sector")).selectByValue("education");
        browser.awaitPage();
        String hash = browser.hash();
        assertThat(hash)
                .isEqualTo(state("overview", "region", city, "from", "" + FROM, "to", "2024", "sector", "education"));
        String table = browser.find("#per-year table").getText();

        browser.driver.navigate().refresh();
        browser.awaitPage();
        assertThat(browser.hash()).isEqualTo(hash);
        assertThat(new Select(browser.find("#f-province"))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo(province);
        assertThat(new Select(browser.find("#f-city")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(city);
        assertThat(browser.find("#f-to").getAttribute("value")).isEqualTo("2024");
        assertThat(new Select(browser.find("#f-sector"))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("education");
        assertThat(browser.find("#per-year table").getText()).isEqualTo(table);

        // the numbers of the city's education sector are the API's
        JsonNode api = query(
                "{\"metrics\": [\"requests.new.total\"], \"groupBy\": [\"year\"], \"filters\": {\"regionCode\": \""
                        + city + "\", \"sector\": \"education\", \"years\": [" + FROM + ", 2024]}}");
        List<WebElement> rows = browser.all("#per-year tbody tr");
        assertThat(rows).hasSize(api.get("rows").size());
        for (int i = 0; i < rows.size(); i++) {
            assertShows(
                    rows.get(i)
                            .findElement(By.cssSelector("[data-key='requests.new.total']"))
                            .getText(),
                    api.get("rows").get(i).get(column(api, "requests.new.total")),
                    "education requests");
        }
        assertNoConsoleErrors("overview with a city and a sector");
    }

    @Test
    @Order(3)
    void regionsBelowAreSortedAndEqualTheApi() throws Exception {
        setUp();
        open(state("regions", "region", province, "from", "" + FROM, "to", "2024", "metric", "requests.new.total"));
        JsonNode api = query("{\"metrics\": [\"requests.new.total\", \"rate.grant\"], \"groupBy\": [\"city\"],"
                + " \"filters\": {\"regionCode\": \"" + province + "\", \"years\": [2024, 2024]}}");
        Map<String, JsonNode> byCity = new HashMap<>();
        for (JsonNode r : api.get("rows")) byCity.put(r.get(column(api, "city")).asText(null), r);
        List<WebElement> rows = browser.all("#outcomes-by-region tbody tr");
        assertThat(rows).hasSize(byCity.size());
        BigDecimal previous = null;
        for (WebElement tr : rows) {
            String name = tr.findElement(By.cssSelector("[data-key='city']")).getText();
            JsonNode r = byCity.get(name.equals("本级机关") ? null : name);
            assertThat(r).as("city %s in the API's answer", name).isNotNull();
            String requests = tr.findElement(By.cssSelector("[data-key='requests.new.total']"))
                    .getText();
            assertShows(requests, r.get(column(api, "requests.new.total")), "requests of " + name);
            assertShows(
                    tr.findElement(By.cssSelector("[data-key='rate.grant']")).getText(),
                    r.get(column(api, "rate.grant")),
                    "grant rate of " + name);
            BigDecimal v = shown(requests);
            if (previous != null && v != null)
                assertThat(v).as("sorted, largest first").isLessThanOrEqualTo(previous);
            if (v != null) previous = v;
        }
        browser.screenshot("regions");
        // a region's name leads one level down
        browser.find("#outcomes-by-region tbody a").click();
        browser.awaitPage();
        assertThat(browser.hash()).contains("region=").doesNotContain("region=" + province);
        assertNoConsoleErrors("regions");
    }

    @Test
    @Order(4)
    void rankingsShowTheRateBesideTheCount() throws Exception {
        setUp();
        open(state("rankings", "region", province, "from", "" + FROM, "to", "2024", "metric", "requests.new.total"));
        JsonNode api = query("{\"metrics\": [\"requests.new.total\", \"rate.grant\"], \"groupBy\": [\"agency\"],"
                + " \"filters\": {\"regionCode\": \"" + province + "\", \"years\": [2024, 2024]},"
                + " \"order\": [{\"by\": \"requests.new.total\", \"dir\": \"desc\"}], \"limit\": 20}");
        List<WebElement> rows = browser.all("#agency-ranking tbody tr");
        assertThat(rows).hasSize(api.get("rows").size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = api.get("rows").get(i);
            WebElement tr = rows.get(i);
            assertShows(
                    tr.findElement(By.cssSelector("[data-key='requests.new.total']"))
                            .getText(),
                    r.get(column(api, "requests.new.total")),
                    "rank " + i);
            assertShows(
                    tr.findElement(By.cssSelector("[data-key='rate.grant']")).getText(),
                    r.get(column(api, "rate.grant")),
                    "rate of rank " + i);
        }
        browser.screenshot("rankings");
        assertNoConsoleErrors("rankings");
    }

    @Test
    @Order(5)
    void coverageCountsWhoReported() throws Exception {
        setUp();
        open(state("coverage", "region", province, "from", "" + FROM, "to", "2024"));
        JsonNode api = JSON.readTree(given().queryParam("regionCode", province)
                .queryParam("year", 2024)
                .get("/api/views/coverage")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(shown(browser.find("#n-reported").getText()))
                .isEqualByComparingTo(api.get("reported").decimalValue());
        assertThat(shown(browser.find("#n-missing").getText()))
                .isEqualByComparingTo(api.get("missingCount").decimalValue());
        assertThat(shown(browser.find("#n-unresolved").getText()))
                .isEqualByComparingTo(api.get("unresolved").decimalValue());
        // every agency of the province that reported for 2024, by the generator
        long reported = corpus.stream()
                .filter(r ->
                        r.agency().provinceCode().equals(province) && r.report().year() == 2024)
                .map(r -> r.report().agencyName())
                .distinct()
                .count();
        assertThat(api.get("reported").asLong()).isEqualTo(reported);
        browser.screenshot("coverage");
        assertNoConsoleErrors("coverage");
    }

    @Test
    @Order(6)
    void anomaliesListFailedChecksAndTheReviewQueueDegrades() throws Exception {
        setUp();
        open(state("anomalies", "region", province, "from", "" + FROM, "to", "" + TO));
        JsonNode api = JSON.readTree(given().queryParam("regionCode", province)
                .queryParam("year", TO)
                .get("/api/views/anomalies")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        int failed = 0;
        for (JsonNode r : api.get("failedChecks")) failed += r.get("failed").size();
        assertThat(browser.all("#failed-table tbody tr")).hasSize(failed);
        assertThat(browser.all("#breaks-table tbody tr"))
                .hasSize(api.get("chainBreaks").size());
        browser.screenshot("anomalies");
        assertNoConsoleErrors("anomalies");

        browser.find("#review-link").click();
        browser.awaitPage();
        int review = given().get("/api/review?regionCode=" + province).statusCode();
        if (review == 404) assertThat(browser.find("#review-missing").getText()).contains("/api/review");
        else assertThat(browser.all("#review-table")).isNotEmpty();
        browser.screenshot("review");
        assertNoConsoleErrors("review");
    }

    @Test
    @Order(7)
    void aClickOnAFigureShowsTheTextItCameFrom() throws Exception {
        setUp();
        open(state("report", "region", province, "from", "" + FROM, "to", "" + TO, "id", documentReport));
        JsonNode report = JSON.readTree(given().get("/api/reports/" + documentReport)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        String text = JSON.readTree(
                        given().get("/api/documents/" + report.get("documentId").asText())
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                .get("text")
                .asText();
        // the form's cells: every figure of the report is on screen with the API's value
        for (var f : (Iterable<Map.Entry<String, JsonNode>>) report.get("figures")::fields) {
            List<WebElement> cells = browser.all("button.fig[data-key='" + f.getKey() + "']");
            assertThat(cells).as("figure %s on screen", f.getKey()).hasSize(1);
            assertThat(shown(cells.get(0).getText()))
                    .as(f.getKey())
                    .isEqualByComparingTo(f.getValue().get("value").decimalValue());
        }
        String key = "requests.new.total";
        JsonNode source = report.at("/figures/" + key.replace("/", "~1") + "/source");
        assertThat(source.get("kind").asText()).isIn("table", "prose");
        // by keyboard: Enter on the figure's button
        browser.find("button.fig[data-key='" + key + "']").sendKeys(Keys.ENTER);
        WebElement mark = new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("source-mark")));
        assertThat(mark.getText().replaceAll("\\s+", " ").strip())
                .isEqualTo(text.substring(
                                source.get("start").asInt(), source.get("end").asInt())
                        .replaceAll("\\s+", " ")
                        .strip());
        assertThat(mark.getAttribute("data-start"))
                .isEqualTo(source.get("start").asText());
        browser.screenshot("report");
        assertNoConsoleErrors("report");

        assertThat(faultyReport)
                .as("a report with failed checks in %s", province)
                .isNotNull();
        {
            open(state("report", "region", province, "from", "" + FROM, "to", "" + TO, "id", faultyReport));
            JsonNode faulty = JSON.readTree(
                    given().get("/api/reports/" + faultyReport).then().extract().asString());
            List<JsonNode> failedChecks = new ArrayList<>();
            faulty.get("checks").forEach(c -> {
                if (!c.get("passed").asBoolean()) failedChecks.add(c);
            });
            assertThat(failedChecks).isNotEmpty();
            assertThat(browser.all("#failed-checks li")).hasSize(failedChecks.size());
            for (JsonNode c : failedChecks) {
                if (c.hasNonNull("row")) {
                    String cell = c.get("row").asText() + "." + c.get("column").asText();
                    assertThat(browser.find("td[data-cell='" + cell + "']").getAttribute("class"))
                            .contains("failed");
                } else {
                    assertThat(browser.all(
                                    "td.failed[data-cell$='." + c.get("column").asText() + "']"))
                            .isNotEmpty();
                }
            }
            browser.screenshot("report-failed-checks");
            assertNoConsoleErrors("report with failed checks");
        }
    }

    @Test
    @Order(8)
    void comparesTwoYearsAndTwoRegions() throws Exception {
        setUp();
        open(state(
                "compare", "region", province, "from", "" + FROM, "to", "" + TO, "mode", "years", "a", "2020", "b",
                "2024"));
        for (String side : List.of("a", "b")) {
            int year = side.equals("a") ? 2020 : 2024;
            JsonNode api = query("{\"metrics\": [\"requests.new.total\", \"rate.refusal\"], \"groupBy\": [\"year\"],"
                    + " \"filters\": {\"regionCode\": \"" + province + "\", \"years\": [" + year + ", " + year + "]}}");
            for (String key : List.of("requests.new.total", "rate.refusal")) {
                assertShows(
                        browser.find("tr[data-metric='" + key + "'] td[data-side='" + side + "']")
                                .getText(),
                        api.get("rows").get(0).get(column(api, key)),
                        key + " in " + year);
            }
        }
        browser.screenshot("compare");
        new Select(browser.find("#compare-mode")).selectByValue("regions");
        browser.awaitPage();
        assertThat(browser.hash()).contains("mode=regions");
        String other = new Select(browser.find("#compare-b-region"))
                .getFirstSelectedOption()
                .getAttribute("value");
        JsonNode api = query("{\"metrics\": [\"requests.new.total\"], \"groupBy\": [\"year\"],"
                + " \"filters\": {\"regionCode\": \"" + other + "\", \"years\": [" + TO + ", " + TO + "]}}");
        JsonNode cell =
                api.get("rows").isEmpty() ? null : api.get("rows").get(0).get(column(api, "requests.new.total"));
        assertShows(
                browser.find("tr[data-metric='requests.new.total'] td[data-side='b']")
                        .getText(),
                cell,
                "region B");
        browser.screenshot("compare-regions");
        assertNoConsoleErrors("compare");
    }

    @Test
    @Order(9)
    void exportButtonsDownloadFilesThatParse() throws Exception {
        setUp();
        open(state("overview", "region", province, "from", "" + FROM, "to", "" + TO));
        JsonNode api = query(
                "{\"metrics\": [\"requests.new.total\"], \"groupBy\": [\"year\"], \"filters\": {\"regionCode\": \""
                        + province + "\", \"years\": [" + (FROM - 1) + ", " + TO + "]}}");
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        for (JsonNode r : api.get("rows"))
            expected.put(r.get(0).asText(), value(r.get(column(api, "requests.new.total"))));

        List<Path> before = browser.downloaded();
        browser.find("#per-year [data-export='csv']").click();
        Path csv = browser.awaitDownload(".csv", before);
        // the header of a column is "中文 (English)" (exports/ExportLayout), from the answer's own labels
        JsonNode yearColumn = api.get("columns").get(0);
        JsonNode requestsColumn = api.get("columns").get(column(api, "requests.new.total"));
        String csvText = Files.readString(csv, StandardCharsets.UTF_8).replaceFirst("^\ufeff", "");
        List<CSVRecord> records = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new java.io.StringReader(csvText))
                .getRecords();
        assertThat(records).hasSize(expected.size());
        String yearHeader = yearColumn.get("label").asText() + " ("
                + yearColumn.get("labelEn").asText() + ")";
        String requestsHeader = requestsColumn.get("label").asText() + " ("
                + requestsColumn.get("labelEn").asText() + ")";
        for (CSVRecord r : records) {
            String year = r.get(yearHeader);
            BigDecimal v = r.get(requestsHeader).isEmpty() ? null : new BigDecimal(r.get(requestsHeader));
            if (expected.get(year) == null) assertThat(v).as("CSV %s", year).isNull();
            else assertThat(v).as("CSV %s", year).isEqualByComparingTo(expected.get(year));
        }

        before = browser.downloaded();
        browser.find("#per-year [data-export='xlsx']").click();
        Path xlsx = browser.awaitDownload(".xlsx", before);
        try (InputStream in = new FileInputStream(xlsx.toFile());
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet data = book.getSheet("data");
            assertThat(data).isNotNull();
            assertThat(data.getLastRowNum()).as("data rows below the header").isEqualTo(expected.size());
        }
        assertNoConsoleErrors("exports");
    }

    @Test
    @Order(10)
    void englishLabelsComeFromTheCatalogue() throws Exception {
        setUp();
        open(state("overview", "region", province, "from", "" + FROM, "to", "" + TO));
        browser.find("#lang").click();
        browser.awaitPage();
        assertThat(browser.hash()).endsWith("&lang=en");
        JsonNode metrics =
                JSON.readTree(given().get("/api/metrics").then().extract().asString());
        String labelEn = null;
        for (JsonNode m : metrics)
            if (m.get("key").asText().equals("requests.new.total"))
                labelEn = m.get("labelEn").asText();
        assertThat(browser.find(".kpi[data-kpi='requests.new.total'] .label").getText())
                .startsWith(labelEn);
        assertThat(browser.find("#nav a[data-page='overview']").getText()).isEqualTo("Overview");
        assertThat(browser.js("return document.documentElement.lang")).isEqualTo("en");
        browser.screenshot("overview-en");
        browser.find("#lang").click();
        browser.awaitPage();
        assertThat(browser.hash()).contains("lang=zh");
        assertNoConsoleErrors("english");
    }

    @Test
    @Order(11)
    void fitsAPhoneAndIsKeyboardNavigable() throws Exception {
        setUp();
        open(state("overview", "region", province, "from", "" + FROM, "to", "" + TO));
        browser.size(390, 844);
        browser.awaitPage();
        Object overflow = browser.js("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue())
                .as("no page-wide horizontal scrolling")
                .isLessThanOrEqualTo(0);
        browser.screenshot("overview-phone");
        browser.size(1280, 1000);
        // the first Tab reaches the skip link, the next ones the navigation, then the filters
        browser.driver.navigate().refresh(); // focus starts again at the top of the document
        browser.awaitPage();
        Actions keys = new Actions(browser.driver);
        keys.sendKeys(Keys.TAB).perform();
        List<String> focused = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            focused.add((String)
                    browser.js("const e = document.activeElement; return e.id || e.dataset.page || e.tagName;"));
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(focused.get(0)).isEqualTo("skip");
        assertThat(focused).contains("overview", "regions", "f-province", "f-city");
        // Enter on a navigation link changes the page
        browser.find("#nav a[data-page='coverage']").sendKeys(Keys.ENTER);
        browser.awaitPage();
        assertThat(browser.hash()).startsWith("#/coverage");
        assertNoConsoleErrors("keyboard");
    }

    @Test
    @Order(12)
    void aSupervisorStartsAtItsRegionAndIsRefusedOthers() throws Exception {
        setUp();
        ObjectNode request = JSON.createObjectNode()
                .put("name", "dashboard supervisor")
                .put("role", "supervisor")
                .put("regionCode", province);
        String token = given().contentType("application/json")
                .body(request.toString())
                .post("/api/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        open(state("overview", "region", province, "from", "" + FROM, "to", "" + TO));
        browser.find("#signout").click();
        new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("token-input")).isDisplayed());
        browser.driver.get(base.toString().replaceAll("/$", "") + "/#/overview");
        WebElement input = new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("token-input")));
        input.sendKeys(token);
        browser.find("#signin-submit").click();
        browser.awaitPage();
        // the picker starts at the token's region, and cannot leave it
        assertThat(browser.hash()).contains("region=" + province);
        WebElement picker = browser.find("#f-province");
        assertThat(picker.isEnabled()).isFalse();
        assertThat(new Select(picker).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(province);
        assertThat(new Select(picker).getOptions())
                .noneMatch(o -> o.getAttribute("value").isEmpty());
        JsonNode api = JSON.readTree(given().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(
                        "{\"metrics\": [\"requests.new.total\"], \"groupBy\": [\"year\"], \"filters\": {\"regionCode\": \""
                                + province + "\", \"years\": [" + FROM + ", " + TO + "]}}")
                .post("/api/query")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        List<WebElement> rows = browser.all("#per-year tbody tr");
        assertThat(rows).hasSize(api.get("rows").size());
        assertShows(
                rows.get(0)
                        .findElement(By.cssSelector("[data-key='requests.new.total']"))
                        .getText(),
                api.get("rows").get(0).get(column(api, "requests.new.total")),
                "supervisor's first year");
        browser.screenshot("supervisor");
        assertNoConsoleErrors("supervisor");

        // a shared link to another province is refused by the API, and the page says so
        String elsewhere = corpus.stream()
                .map(r -> r.agency().provinceCode())
                .filter(p -> !p.equals(province))
                .findFirst()
                .orElseThrow();
        open(state("overview", "region", elsewhere, "from", "" + FROM, "to", "" + TO));
        assertThat(browser.find("main [role='alert']").getText())
                .contains("超出您的权限范围")
                .contains(province);
        browser.consoleErrors();
    }
}
