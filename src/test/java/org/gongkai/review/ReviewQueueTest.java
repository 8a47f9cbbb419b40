package org.gongkai.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.gongkai.TestFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The review queue and corrections through HTTP. Every fixture is an agency of 宁夏 (640000), which no other test
 * uses, one city per test, so each test's queue is its own; the expected numbers are worked out by hand in the
 * comments from the figures posted.
 */
@QuarkusTest
@Tag("database")
class ReviewQueueTest {

    static RequestSpecification as(String token) {
        RequestSpecification r = given();
        return token == null ? r : r.header("Authorization", "Bearer " + token);
    }

    private static String token(String name, String role, String region, String agency) {
        return given().contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"role\": \"" + role + "\""
                        + (region == null ? "" : ", \"regionCode\": \"" + region + "\"")
                        + (agency == null ? "" : ", \"agency\": \"" + agency + "\"") + "}")
                .post("/api/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }

    /** A 2021-format report of the request table's total column only (the rules over it are all that run). */
    private static String report(String agency, String region, int year, Map<String, Object> figures) {
        StringBuilder f = new StringBuilder();
        figures.forEach((k, v) -> f.append(f.length() == 0 ? "" : ", ")
                .append('"')
                .append(k)
                .append("\": ")
                .append(v));
        return "{\"agency\": {\"name\": \"" + agency + "\", \"regionCode\": \"" + region + "\"}, \"year\": " + year
                + ", \"format\": \"2021\", \"publishedOn\": \"" + (year + 1) + "-01-20\", \"figures\": {" + f + "}}";
    }

    private static Map<String, Object> table(int fresh, int over, int handled, int forward) {
        return Map.of(
                "requests.new.total", fresh,
                "requests.carried_over.total", over,
                "outcome.total.total", handled,
                "requests.carried_forward.total", forward);
    }

    /** A stored report: its id and its agency's id (the queue's filter that no other test's reports share). */
    private record Posted(String id, String agency) {}

    private static Posted post(String body) {
        JsonPath stored = given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/reports")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new Posted(stored.getString("id"), stored.getString("agency.id"));
    }

    private static JsonPath queue(String params) {
        return given().get("/api/review?" + params)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Response correct(String token, String reportId, String body) {
        return as(token).contentType(ContentType.JSON).body(body).post("/api/reports/" + reportId + "/corrections");
    }

    private static BigDecimal queried(String metric, String region, int year, String groupBy) {
        JsonPath answer = given().contentType(ContentType.JSON)
                .body("{\"metrics\": [\"" + metric + "\"], \"groupBy\": [\"" + groupBy + "\"], \"filters\":"
                        + " {\"regionCode\": \"" + region + "\", \"years\": [" + year + ", " + year + "]}}")
                .post("/api/query")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<List<Object>> rows = answer.getList("rows");
        BigDecimal sum = BigDecimal.ZERO;
        int column = answer.getList("columns.key").indexOf(metric);
        for (List<Object> row : rows) {
            if (row.get(column) != null)
                sum = sum.add(new BigDecimal(row.get(column).toString()));
        }
        return sum;
    }

    @Test
    void aFailedCheckLeavesTheQueueWhenCorrectedAndTheCorrectionCountsAtOnce() {
        // 海东市审计局 2022: 一 10 + 二 2 = 12, but 三（七）总计 9 + 四 2 = 11: requests.balance fails in column total
        Posted posted = post(report("海东市审计局", "630200", 2022, table(10, 2, 9, 2)));
        String id = posted.id();
        String mine = "regionCode=630200&agencyId=" + posted.agency();
        JsonPath open = queue(mine + "&kind=check");
        assertThat(open.getList("items.reportId", String.class)).containsExactly(id);
        assertThat(open.getString("items[0].rule")).isEqualTo("requests.balance");
        assertThat(open.getString("items[0].column")).isEqualTo("total");
        assertThat(open.getInt("items[0].expected")).isEqualTo(12);
        assertThat(open.getInt("items[0].actual")).isEqualTo(11);
        assertThat(open.getList("items[0].figures.metric", String.class))
                .containsExactlyInAnyOrder(
                        "requests.new.total",
                        "requests.carried_over.total",
                        "outcome.total.total",
                        "requests.carried_forward.total");
        assertThat(open.getLong("counts.check")).isEqualTo(1);
        assertThat(open.getLong("total")).isEqualTo(1);
        String item = open.getString("items[0].id");

        // before: the city's 结转下年度 from the roll-ups (grouped by year) and from the raw figures (by agency)
        BigDecimal city = queried("requests.carried_forward.total", "630200", 2022, "year");
        BigDecimal agencies = queried("requests.carried_forward.total", "630200", 2022, "agency");

        // the bureau's table really carries 3 forward: 10 + 2 = 9 + 3
        Response corrected = correct(
                null,
                id,
                "{\"reason\": \"结转下年度 is 3 in the published table\","
                        + " \"figures\": {\"requests.carried_forward.total\": 3}}");
        assertThat(corrected.statusCode()).isEqualTo(201);
        String revision = corrected.jsonPath().getString("id");
        assertThat(revision).isNotEqualTo(id);
        assertThat(corrected.jsonPath().getInt("revision")).isEqualTo(2);
        assertThat(corrected.jsonPath().getBoolean("latest")).isTrue();
        assertThat(corrected.jsonPath().getInt("figures.'requests.carried_forward.total'.value"))
                .isEqualTo(3);

        assertThat(queue(mine + "&kind=check").getList("items")).isEmpty();
        JsonPath closed = queue(mine + "&state=corrected");
        assertThat(closed.getList("items.id", String.class)).containsExactly(item);
        assertThat(closed.getString("items[0].decision.by")).isEqualTo("GONGKAI_ADMIN_TOKEN");

        // one more than before, at once, in the roll-ups and in the raw figures
        assertThat(queried("requests.carried_forward.total", "630200", 2022, "year"))
                .isEqualByComparingTo(city.add(BigDecimal.ONE));
        assertThat(queried("requests.carried_forward.total", "630200", 2022, "agency"))
                .isEqualByComparingTo(agencies.add(BigDecimal.ONE));

        // history: the submission, then the correction with its author, reason and the one figure it changed
        JsonPath history = given().get("/api/reports/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(history.getList("revisions.id", String.class)).containsExactly(id, revision);
        assertThat(history.getList("revisions.origin", String.class)).containsExactly("submitted", "corrected");
        assertThat(history.getList("revisions.revision", Integer.class)).containsExactly(1, 2);
        assertThat(history.getString("revisions[1].author")).isEqualTo("GONGKAI_ADMIN_TOKEN");
        assertThat(history.getString("revisions[1].reason")).isEqualTo("结转下年度 is 3 in the published table");
        assertThat(history.getString("revisions[1].corrects")).isEqualTo(id);
        assertThat(history.getList("revisions[1].figures.metric", String.class))
                .containsExactly("requests.carried_forward.total");
        assertThat(history.getInt("revisions[1].figures[0].before")).isEqualTo(2);
        assertThat(history.getInt("revisions[1].figures[0].after")).isEqualTo(3);
        assertThat(history.getList("revisions[0].figures.metric", String.class))
                .contains("requests.new.total", "requests.carried_forward.total");

        // an earlier revision cannot be corrected, an empty correction is refused, neither changes anything
        correct(null, id, "{\"reason\": \"again\", \"figures\": {\"requests.new.total\": 11}}")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        correct(null, revision, "{\"reason\": \"same\", \"figures\": {\"requests.carried_forward.total\": 3}}")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        correct(null, revision, "{\"figures\": {\"requests.new.total\": 11}}")
                .then()
                .statusCode(422)
                .body("errors.pointer", org.hamcrest.Matchers.hasItem("/reason"));
    }

    @Test
    void anAcceptedFindingLeavesTheQueueStaysOnTheReportAndStaysAcceptedThroughACorrection() {
        // 石嘴山市审计局 2022: 8 + 1 = 9 ≠ 5 + 1 = 6
        Posted posted = post(report("石嘴山市审计局", "640200", 2022, table(8, 1, 5, 1)));
        String id = posted.id();
        String mine = "regionCode=640200&agencyId=" + posted.agency();
        JsonPath open = queue(mine);
        assertThat(open.getList("items.kind", String.class)).containsExactly("check");
        String item = open.getString("items[0].id");

        given().contentType(ContentType.JSON)
                .body("{\"reason\": \"the published table does not add up\"}")
                .post("/api/review/" + item + "/accept")
                .then()
                .statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("accepted"))
                .body("decision.reason", org.hamcrest.Matchers.equalTo("the published table does not add up"));
        assertThat(queue(mine).getList("items")).isEmpty();
        assertThat(queue(mine + "&state=accepted").getList("items.id", String.class))
                .containsExactly(item);
        // still a failed check of the report as published
        JsonPath stored = given().get("/api/reports/" + id).then().extract().jsonPath();
        assertThat(stored.getList("checks.findAll { it.rule == 'requests.balance' && !it.passed }"))
                .hasSize(1);
        // accepting twice is a conflict
        given().contentType(ContentType.JSON)
                .body("{\"reason\": \"again\"}")
                .post("/api/review/" + item + "/accept")
                .then()
                .statusCode(409);

        // correcting another cell (主动公开 12 items, left out of the submission) keeps the check accepted: the balance
        // still fails with the same numbers, so nobody is asked again
        String revision = correct(
                        null,
                        id,
                        "{\"reason\": \"主动公开 was left out\"," + " \"figures\": {\"proactive.items_published\": 12}}")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(queue(mine).getList("items")).isEmpty();
        assertThat(queue(mine + "&state=accepted").getList("items.reportId", String.class))
                .contains(revision);
    }

    @Test
    void aBrokenCarriedOverChainIsQueuedWhicheverYearArrivesFirstAndLeavesWhenCorrected() {
        // 吴忠市审计局: 2022 carries over 5 (8 + 5 = 10 + 3), 2021 carried forward 3 (10 + 0 = 7 + 3); 2022 arrives first
        Posted posted = post(report("吴忠市审计局", "640300", 2022, table(8, 5, 10, 3)));
        String later = posted.id();
        String mine = "regionCode=640300&agencyId=" + posted.agency();
        assertThat(queue(mine).getList("items")).isEmpty();
        String earlier =
                post(report("吴忠市审计局", "640300", 2021, table(10, 0, 7, 3))).id();
        JsonPath open = queue(mine);
        assertThat(open.getList("items.kind", String.class)).containsExactly("chain");
        assertThat(open.getString("items[0].reportId")).isEqualTo(later);
        assertThat(open.getString("items[0].relatedReportId")).isEqualTo(earlier);
        assertThat(open.getString("items[0].column")).isEqualTo("total");
        assertThat(open.getInt("items[0].expected")).isEqualTo(3);
        assertThat(open.getInt("items[0].actual")).isEqualTo(5);
        assertThat(open.getList("items[0].figures.reportId", String.class)).containsExactly(later, earlier);
        assertThat(open.getList("items[0].figures.metric", String.class))
                .containsExactly("requests.carried_over.total", "requests.carried_forward.total");
        assertThat(open.getLong("counts.chain")).isEqualTo(1);

        // 2022 really carried over 3 and handled 8: 8 + 3 = 8 + 3
        correct(
                        null,
                        later,
                        "{\"reason\": \"上年结转 misread\", \"figures\": {\"requests.carried_over.total\": 3,"
                                + " \"outcome.total.total\": 8}}")
                .then()
                .statusCode(201);
        assertThat(queue(mine).getList("items")).isEmpty();
        assertThat(queue(mine + "&state=corrected").getList("items.kind", String.class))
                .containsExactly("chain");
    }

    @Test
    void aChainItemLeavesTheQueueWhenLastYearIsSubmittedAgainAndMatches() {
        // 中卫市民政局: 2023 carries over 6 (4 + 6 = 9 + 1), 2022 carried forward 2 (5 + 0 = 3 + 2): broken
        Posted later = post(report("中卫市民政局", "640500", 2023, table(4, 6, 9, 1)));
        post(report("中卫市民政局", "640500", 2022, table(5, 0, 3, 2)));
        String mine = "regionCode=640500&agencyId=" + later.agency();
        assertThat(queue(mine).getList("items.kind", String.class)).containsExactly("chain");
        // the bureau sends 2022 again, now carrying forward 6 (9 + 0 = 3 + 6): the chain holds, nothing is left open
        post(report("中卫市民政局", "640500", 2022, table(9, 0, 3, 6)));
        assertThat(queue(mine).getList("items")).isEmpty();
        // and breaking it again queues it again, against the new revision
        String third = post(report("中卫市民政局", "640500", 2022, table(9, 0, 8, 1))).id();
        JsonPath open = queue(mine);
        assertThat(open.getList("items.kind", String.class)).containsExactly("chain");
        assertThat(open.getString("items[0].reportId")).isEqualTo(later.id());
        assertThat(open.getString("items[0].relatedReportId")).isEqualTo(third);
        assertThat(open.getInt("items[0].expected")).isEqualTo(1);
        assertThat(open.getInt("items[0].actual")).isEqualTo(6);
    }

    /**
     * A bulk batch holding whole histories (each agency's years one after another, as a bureau's loader sends them):
     * every year is judged against the years before it in the same batch. The truth is the rule worked out here over
     * the posted numbers: at least two earlier years, the larger of figure and median at least 100, and the figure
     * more than ten times the median or less than a tenth of it.
     */
    @Test
    void aBulkBatchOfWholeHistoriesQueuesEachYearAgainstTheYearsBeforeIt() {
        Map<String, int[]> histories = new java.util.LinkedHashMap<>();
        histories.put("兴庆区审计局", new int[] {50, 60, 55, 900, 70, 4, 65, 3000});
        histories.put("西夏区审计局", new int[] {200, 2500, 180, 210, 15, 190, 2200, 205});
        histories.put("金凤区审计局", new int[] {7, 9, 400, 8, 6, 90, 5, 10});
        String[] regions = {"640104", "640105", "640106"};
        StringBuilder lines = new StringBuilder();
        java.util.Set<String> expected = new java.util.TreeSet<>();
        int a = 0;
        for (Map.Entry<String, int[]> h : histories.entrySet()) {
            int[] v = h.getValue();
            for (int i = 0; i < v.length; i++) {
                lines.append(report(h.getKey(), regions[a], 2015 + i, table(v[i], 0, v[i], 0)))
                        .append('\n');
                if (i < 2) continue;
                double[] earlier = java.util.Arrays.stream(v, 0, i)
                        .asDoubleStream()
                        .sorted()
                        .toArray();
                double median = earlier.length % 2 == 1
                        ? earlier[earlier.length / 2]
                        : (earlier[earlier.length / 2 - 1] + earlier[earlier.length / 2]) / 2;
                boolean out = Math.max(v[i], median) >= 100 && (v[i] > 10 * median || v[i] * 10 < median);
                if (out) {
                    BigDecimal m = BigDecimal.valueOf(median).setScale(2, java.math.RoundingMode.HALF_UP);
                    for (String metric : List.of("outcome.total.total", "requests.new.total"))
                        expected.add(regions[a] + " " + (2015 + i) + " " + metric + " " + m + " " + v[i]);
                }
            }
            a++;
        }
        // the rule finds something in each history, and not everything
        assertThat(expected).hasSizeBetween(6, 30);
        org.gongkai.bulk.BulkPost.ndjson(lines.toString())
                .post("/api/reports/bulk")
                .then()
                .statusCode(200);
        java.util.Set<String> queued = new java.util.TreeSet<>();
        for (String region : regions) {
            JsonPath open = queue("regionCode=" + region + "&kind=outlier&limit=200");
            List<Map<String, Object>> items = open.getList("items");
            for (Map<String, Object> item : items) {
                List<Map<String, Object>> figures = (List<Map<String, Object>>) item.get("figures");
                queued.add(region + " " + item.get("year") + " "
                        + figures.get(0).get("metric") + " "
                        + new BigDecimal(item.get("expected").toString()).setScale(2) + " " + item.get("actual"));
            }
        }
        assertThat(queued).containsExactlyElementsOf(expected);
    }

    @Test
    void aFigureFarOutOfLineWithTheAgencysHistoryIsQueued() {
        // 固原市审计局 新收: 50, 60, 55 in 2019–2021 (median 55), then 900 in 2022: more than ten times 55 (550)
        int[] fresh = {50, 60, 55};
        String agency = null;
        for (int i = 0; i < 3; i++) {
            agency = post(report("固原市审计局", "640400", 2019 + i, table(fresh[i], 0, fresh[i], 0)))
                    .agency();
        }
        String mine = "regionCode=640400&agencyId=" + agency;
        assertThat(queue(mine).getList("items")).isEmpty();
        String id =
                post(report("固原市审计局", "640400", 2022, table(900, 0, 900, 0))).id();
        JsonPath open = queue(mine + "&kind=outlier");
        // both headline figures (新收 and 办理总计) are 900 against medians of 55
        assertThat(open.getList("items.reportId", String.class)).containsExactly(id, id);
        assertThat(open.getList("items.figures.metric.flatten()", String.class))
                .containsExactlyInAnyOrder("requests.new.total", "outcome.total.total");
        assertThat(open.getList("items.expected", Float.class)).containsExactly(55f, 55f);
        assertThat(open.getList("items.actual", Integer.class)).containsExactly(900, 900);

        // 2023 at 400 is 7 times the median of 50, 55, 60, 900 (57.5): within the rule
        post(report("固原市审计局", "640400", 2023, table(400, 0, 400, 0)));
        assertThat(queue(mine + "&kind=outlier&year=2023").getList("items")).isEmpty();
    }

    @Test
    void anUnresolvedReportIsQueuedWithItsTextAndLeavesWhenItsIdentityIsCorrected() {
        BigDecimal county = queried("requests.new.total", "640122", 2021, "agency");
        Response posted = given().contentType("text/html; charset=UTF-8")
                .body(TestFiles.bytes("review/helan-audit-undated.html"))
                .post("/api/documents");
        assertThat(posted.statusCode()).isEqualTo(202);
        String id = posted.jsonPath().getString("report.id");
        JsonPath open = queue("regionCode=640122&kind=unresolved");
        assertThat(open.getList("items.reportId", String.class)).containsExactly(id);
        assertThat(open.getString("items[0].message")).contains("year");
        assertThat(open.getString("items[0].text.text")).contains("贺兰县审计局政府信息公开工作年度报告");

        String revision = correct(null, id, "{\"reason\": \"the page is filed under 2021\", \"year\": 2021}")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(queue("regionCode=640122&kind=unresolved").getList("items")).isEmpty();
        assertThat(queue("regionCode=640122&kind=unresolved&state=corrected").getList("items.reportId", String.class))
                .containsExactly(id);
        // "本年度共收到政府信息公开申请5件" now counts for 贺兰县 in 2021
        assertThat(queried("requests.new.total", "640122", 2021, "agency"))
                .isEqualByComparingTo(county.add(new BigDecimal("5")));
        JsonPath history = given().get("/api/reports/" + revision + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(history.getList("revisions.id", String.class)).containsExactly(id, revision);
        assertThat(history.getList("revisions.origin", String.class)).containsExactly("parsed", "corrected");
        assertThat(history.getString("revisions[1].identity.before.year")).isNull();
        assertThat(history.getInt("revisions[1].identity.after.year")).isEqualTo(2021);
    }

    @Test
    void aCorrectedReportIngestedAgainKeepsItsCorrectionAndQueuesTheDifference() {
        byte[] page = TestFiles.bytes("review/zhongwei-audit-2022.html");
        BigDecimal city = queried("requests.new.total", "640500", 2022, "year");
        BigDecimal agencies = queried("requests.new.total", "640500", 2022, "agency");
        JsonPath first = given().contentType("text/html; charset=UTF-8")
                .body(page)
                .post("/api/documents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String id = first.getString("report.id");
        // "本年度共收到政府信息公开申请14件"
        assertThat(first.getInt("report.figures.'requests.new.total'.value")).isEqualTo(14);
        String revision = correct(
                        null,
                        id,
                        "{\"reason\": \"the register shows 15 requests\","
                                + " \"figures\": {\"requests.new.total\": 15}}")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(queried("requests.new.total", "640500", 2022, "agency"))
                .isEqualByComparingTo(agencies.add(new BigDecimal("15")));

        // the same bytes again: the same document and nothing new
        given().contentType("text/html; charset=UTF-8")
                .body(page)
                .post("/api/documents")
                .then()
                .statusCode(200);
        assertThat(queried("requests.new.total", "640500", 2022, "year"))
                .isEqualByComparingTo(city.add(new BigDecimal("15")));
        assertThat(queue("regionCode=640500&kind=difference").getList("items")).isEmpty();

        // a newer crawl (the page's hit counter moved): parsed again as 14, held beside the correction
        JsonPath again = given().contentType("text/html; charset=UTF-8")
                .body(TestFiles.bytes("review/zhongwei-audit-2022-recrawled.html"))
                .post("/api/documents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String held = again.getString("report.id");
        assertThat(again.getBoolean("report.latest")).isFalse();
        assertThat(again.getInt("report.revision")).isEqualTo(3);
        assertThat(queried("requests.new.total", "640500", 2022, "year"))
                .isEqualByComparingTo(city.add(new BigDecimal("15")));
        assertThat(queried("requests.new.total", "640500", 2022, "agency"))
                .isEqualByComparingTo(agencies.add(new BigDecimal("15")));
        JsonPath difference = queue("regionCode=640500&kind=difference");
        assertThat(difference.getList("items.reportId", String.class)).containsExactly(held);
        assertThat(difference.getString("items[0].relatedReportId")).isEqualTo(revision);
        // only 新收 differs (14 parsed, 15 corrected); the new parse's figure comes with the text it was read from
        assertThat(difference.getList("items[0].figures.metric", String.class))
                .containsExactly("requests.new.total", "requests.new.total");
        assertThat(difference.getList("items[0].figures.reportId", String.class))
                .containsExactly(held, revision);
        assertThat(difference.getList("items[0].figures.value", Integer.class)).containsExactly(14, 15);
        Map<String, Object> context = difference.getMap("items[0].figures[0].context");
        assertThat(context.get("text").toString()).contains("14");
        assertThat("" + context.get("before") + context.get("text") + context.get("after"))
                .contains("本年度共收到政府信息公开申请14件");

        JsonPath history = given().get("/api/reports/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(history.getList("revisions.id", String.class)).containsExactly(id, revision, held);
        assertThat(history.getList("revisions.origin", String.class)).containsExactly("parsed", "corrected", "parsed");
        assertThat(history.getList("revisions.latest", Boolean.class)).containsExactly(false, true, false);

        // deciding: take the new parse; it becomes the latest and counts at once
        String item = difference.getString("items[0].id");
        given().contentType(ContentType.JSON)
                .body("{\"take\": \"new\", \"reason\": \"the bureau's figure stands\"}")
                .post("/api/review/" + item + "/decision")
                .then()
                .statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("decided"))
                .body("decision.decision", org.hamcrest.Matchers.equalTo("took the new revision"));
        assertThat(queried("requests.new.total", "640500", 2022, "year"))
                .isEqualByComparingTo(city.add(new BigDecimal("14")));
        assertThat(queried("requests.new.total", "640500", 2022, "agency"))
                .isEqualByComparingTo(agencies.add(new BigDecimal("14")));
        assertThat(queue("regionCode=640500&kind=difference").getList("items")).isEmpty();
    }

    @Test
    void supervisorsCorrectWithinTheirProvinceOnlyAndSubmittersSeeTheirOwnAgency() {
        String agency = "灵武市审计局";
        // 6 + 0 ≠ 5 + 0 and 4 + 0 ≠ 3 + 0: one failed balance each
        Posted own = post(report(agency, "640181", 2022, table(6, 0, 5, 0)));
        String id = own.id();
        Posted other = post(report("永宁县审计局", "640121", 2022, table(4, 0, 3, 0)));
        String ningxia = token("宁夏 reviewer", "supervisor", "640000", null);
        String qinghai = token("青海 reviewer", "supervisor", "630000", null);
        String submitter = token("灵武 submitter", "submitter", "640181", agency);

        as(qinghai).get("/api/review?regionCode=640181").then().statusCode(403).contentType("application/problem+json");
        as(qinghai).get("/api/review").then().statusCode(403);
        correct(qinghai, id, "{\"reason\": \"x\", \"figures\": {\"outcome.total.total\": 6}}")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        String item = as(ningxia)
                .get("/api/review?regionCode=640181&agencyId=" + own.agency())
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        as(qinghai)
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"x\"}")
                .post("/api/review/" + item + "/accept")
                .then()
                .statusCode(403);
        // a submitter corrects nothing, but sees its own agency's queue (not 永宁县's)
        correct(submitter, id, "{\"reason\": \"x\", \"figures\": {\"outcome.total.total\": 6}}")
                .then()
                .statusCode(403);
        JsonPath seen = as(submitter)
                .get("/api/review")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(seen.getList("items.reportId", String.class)).containsExactly(id);
        as(submitter).get("/api/review?regionCode=640121").then().statusCode(403);
        assertThat(queue("regionCode=640121&agencyId=" + other.agency()).getList("items.reportId", String.class))
                .containsExactly(other.id());

        // 6 + 0 = 6 handled, 0 forward: the supervisor of 宁夏 corrects it, and is named as its author
        String revision = correct(ningxia, id, "{\"reason\": \"办理总计 is 6\", \"figures\": {\"outcome.total.total\": 6}}")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(as(submitter).get("/api/review").then().extract().jsonPath().getList("items"))
                .isEmpty();
        as(ningxia)
                .get("/api/reports/" + revision + "/history")
                .then()
                .statusCode(200)
                .body("revisions[1].author", org.hamcrest.Matchers.equalTo("宁夏 reviewer"));
        // and cannot move it out of its province
        correct(
                        ningxia,
                        revision,
                        "{\"reason\": \"x\", \"agency\": {\"name\": \"西宁市审计局\", \"regionCode\": \"630100\"}}")
                .then()
                .statusCode(403);
    }

    @Test
    void corpusDocumentsWithAmbiguousCellsAreQueuedWithTheirText() {
        // two real pages of 平潭 whose cells can be cut several ways (a 2019 table, a narrative's annex)
        for (String name : List.of("14_pingtan-state-assets-2019.txt", "12_pingtan-zone-2017.txt")) {
            JsonPath posted = given().contentType("text/plain; charset=UTF-8")
                    .body(TestFiles.bytes("corpus/" + name))
                    .post("/api/documents")
                    .then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                    .extract()
                    .jsonPath();
            String reportId = posted.getString("report.id");
            String documentId = posted.getString("documentId");
            String document =
                    given().get("/api/documents/" + documentId).then().extract().path("text");
            JsonPath open = queue("regionCode=350128&kind=finding&agencyId=" + posted.getString("report.agency.id"));
            List<Map<String, Object>> items = open.getList(
                    "items.findAll { it.reportId == '" + reportId + "' && it.rule == 'table.ambiguous_split' }");
            assertThat(items).as(name).isNotEmpty();
            for (Map<String, Object> item : items) {
                // the document text around each: the figures' own offsets, or the passage the finding quotes
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> figures = (List<Map<String, Object>>) item.get("figures");
                List<Map<String, Object>> contexts = new java.util.ArrayList<>();
                figures.stream()
                        .map(f -> f.get("context"))
                        .filter(java.util.Objects::nonNull)
                        .forEach(c -> contexts.add(cast(c)));
                if (item.get("text") != null) contexts.add(cast(item.get("text")));
                assertThat(contexts).as(name + " " + item.get("message")).isNotEmpty();
                for (Map<String, Object> c : contexts) {
                    int start = (Integer) c.get("start");
                    int end = (Integer) c.get("end");
                    assertThat(c.get("documentId")).isEqualTo(documentId);
                    assertThat(document.substring(start, end)).isEqualTo(c.get("text"));
                    assertThat(document.substring(Math.max(0, start - 60), start))
                            .isEqualTo(c.get("before"));
                }
                if (item.get("text") != null) {
                    // the finding quotes what it could not cut: 「…」
                    assertThat(item.get("message").toString())
                            .contains("「" + cast(item.get("text")).get("text") + "」");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void refusesBadQueueParameters() {
        given().get("/api/review?kind=typo").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/review?state=closed").then().statusCode(400);
        given().get("/api/review?after=x").then().statusCode(400);
        given().get("/api/review?limit=0").then().statusCode(400);
        given().get("/api/review?regionCode=999999").then().statusCode(400);
        given().get("/api/review/abc").then().statusCode(404);
    }
}
