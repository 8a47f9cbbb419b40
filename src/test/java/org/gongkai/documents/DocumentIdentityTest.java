package org.gongkai.documents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.gongkai.TestFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Identity as real pages give it, kept and shown: an agency stored under one canonical name with the names its pages
 * printed as aliases, and which place of a page decided its year. The pages ({@code identity/*.html}) are written by
 * hand to look like a county portal's crawled pages; every expected value is read from them by hand.
 */
@QuarkusTest
@Tag("database")
class DocumentIdentityTest {

    private static final String HTML = "text/html; charset=UTF-8";
    private static final String CANONICAL = "崇义县人力资源和社会保障局";

    @Test
    void storesAnAbbreviatedDepartmentUnderItsCanonicalNameWithThePrintedOneAsAlias() {
        // title, 发布机构 and signature say 县人社局; only the body and the footer name 崇义县 (360725)
        JsonPath first = post("identity/chongyi-hrss-2022.html", 201);
        assertThat(first.getString("report.agency.name")).isEqualTo(CANONICAL);
        assertThat(first.getString("report.agency.regionCode")).isEqualTo("360725");
        assertThat(first.getInt("report.year")).isEqualTo(2022);
        assertThat(first.getList("report.agency.aliases", String.class)).containsExactly("崇义县人社局");
        assertThat(first.getString("identity.agencySource")).isEqualTo("title");
        assertThat(first.getString("identity.printedAgency")).isEqualTo("崇义县人社局");
        // "本年度共收到政府信息公开申请5件"
        assertThat(first.getInt("report.figures.'requests.new.total'.value")).isEqualTo(5);

        // the next year's page prints the full name: the same agency
        JsonPath second = post("identity/chongyi-hrss-2023.html", 201);
        String agencyId = first.getString("report.agency.id");
        assertThat(second.getString("report.agency.id")).isEqualTo(agencyId);
        assertThat(second.getString("report.agency.name")).isEqualTo(CANONICAL);
        assertThat(second.getInt("report.year")).isEqualTo(2023);
        assertThat(second.getString("identity.printedAgency")).isEqualTo(CANONICAL);

        // both reports show the alias; the list finds both by it (the canonical name does not contain it)
        JsonPath read = given().get("/api/reports/" + second.getString("report.id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(read.getList("agency.aliases", String.class)).containsExactly("崇义县人社局");
        assertThat(listedIds("崇义县人社局"))
                .containsExactlyInAnyOrder(first.getString("report.id"), second.getString("report.id"));
        assertThat(listedIds("县人社局")).contains(first.getString("report.id"), second.getString("report.id"));
        assertThat(listedIds(CANONICAL)).hasSize(2);
    }

    @Test
    void recordsEitherSpellingOfAManagementCommitteeAsOneAgency() {
        String abbreviated = submit("平潭综合实验区管委会", 2020);
        String written = submit("平潭综合实验区管理委员会", 2021);
        JsonPath a = report(abbreviated);
        JsonPath b = report(written);
        assertThat(a.getString("agency.id")).isEqualTo(b.getString("agency.id"));
        assertThat(b.getString("agency.name")).isEqualTo("平潭综合实验区管理委员会");
        assertThat(b.getList("agency.aliases", String.class)).contains("平潭综合实验区管委会");
        assertThat(listedIds("实验区管委会")).contains(abbreviated, written);
    }

    @Test
    void recordsTheDocumentsNameAsAliasWhenAnUnplacedReportIsResolved() {
        // 区教体局 and nothing on the page says which district: kept unresolved
        JsonPath kept = post("identity/district-education-unplaced.html", 202);
        String reportId = kept.getString("report.id");
        assertThat(kept.getList("missing", String.class)).containsExactly("regionCode");
        assertThat(kept.getString("identity.printedAgency")).isEqualTo("区教体局");

        given().contentType(ContentType.JSON)
                .body("{\"agency\": {\"name\": \"市中区教体局\", \"regionCode\": \"370103\"}}")
                .put("/api/reports/" + reportId + "/identity")
                .then()
                .statusCode(200);
        JsonPath read = report(reportId);
        assertThat(read.getString("agency.name")).isEqualTo("市中区教育和体育局");
        assertThat(read.getInt("year")).isEqualTo(2023);
        assertThat(read.getList("agency.aliases", String.class)).containsExactlyInAnyOrder("市中区教体局", "区教育和体育局", "区教体局");
        assertThat(listedIds("市中区教体局")).containsExactly(reportId);
    }

    @Test
    void showsThatTheStatisticsPeriodDecidedTheYear() {
        // no year in the title; "统计期限自2021年1月1日起至2021年12月31日止"; published 2022-03-08 (also 2021)
        JsonPath posted = post("identity/chongyi-audit-period.html", 201);
        assertThat(posted.getInt("report.year")).isEqualTo(2021);
        assertThat(posted.getString("identity.agencySource")).isEqualTo("title");
        assertThat(posted.getString("identity.yearSource")).isEqualTo("statistics-period");
        assertThat(posted.getList("identity.candidates.findAll { it.field == 'year' }.source", String.class))
                .containsExactly("statistics-period", "publication-date");

        JsonPath document = document(posted.getString("documentId"));
        assertThat(document.getString("identity.agencySource")).isEqualTo("title");
        assertThat(document.getString("identity.yearSource")).isEqualTo("statistics-period");
        assertThat(document.getList("identity.candidates.findAll { it.field == 'year' }.value", String.class))
                .containsExactly("2021", "2021");
        assertThat(document.getList("identity.candidates.findAll { it.field == 'agency' }.value", String.class))
                .first()
                .isEqualTo("崇义县审计局");
    }

    @Test
    void showsThatThePublicationDateDecidedTheYear() {
        // no year in the title, no statistics period; 发布时间：2023-02-16 — published early in 2023, so it covers 2022
        JsonPath posted = post("identity/chongyi-statistics-published.html", 201);
        assertThat(posted.getInt("report.year")).isEqualTo(2022);
        assertThat(posted.getString("identity.agencySource")).isEqualTo("title");
        assertThat(posted.getString("identity.yearSource")).isEqualTo("publication-date");

        JsonPath document = document(posted.getString("documentId"));
        assertThat(document.getString("identity.yearSource")).isEqualTo("publication-date");
        assertThat(document.getString("identity.printedAgency")).isEqualTo("崇义县统计局");

        // the same bytes again: the same identity, from the document as stored
        JsonPath again = given().contentType(HTML)
                .body(TestFiles.bytes("identity/chongyi-statistics-published.html"))
                .post("/api/documents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(again.getString("identity.yearSource")).isEqualTo("publication-date");
        assertThat(again.getString("identity.agencySource")).isEqualTo("title");
    }

    private static JsonPath post(String page, int status) {
        return given().contentType(HTML)
                .body(TestFiles.bytes(page))
                .post("/api/documents")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    private static String submit(String agency, int year) {
        return given().contentType(ContentType.JSON)
                .body("{\"agency\": {\"name\": \"" + agency + "\"}, \"year\": " + year
                        + ", \"format\": \"narrative\", \"figures\": {\"requests.new.total\": 3}}")
                .post("/api/reports")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
    }

    private static JsonPath report(String id) {
        return given().get("/api/reports/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath document(String id) {
        return given().get("/api/documents/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<String> listedIds(String agency) {
        return given().queryParam("agency", agency)
                .queryParam("limit", 1000)
                .get("/api/reports")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
    }
}
