package org.gongkai.reports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Year;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets a 4xx problem+json naming what is wrong, and nothing is stored. */
@QuarkusTest
@Tag("database")
class ReportValidationTest {

    private static final String AGENCY = "\"agency\": {\"name\": \"大连市教育局\"}";

    private ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/reports")
                .then()
                .contentType("application/problem+json");
    }

    private long stored() {
        return given().queryParam("agency", "大连市教育局")
                .queryParam("allRevisions", true)
                .get("/api/reports")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("total");
    }

    private void rejected(String body, int status, String type, String pointer) {
        long before = stored();
        post(body)
                .statusCode(status)
                .body("type", equalTo(type))
                .body("status", equalTo(status))
                .body("title", org.hamcrest.Matchers.notNullValue())
                .body("detail", containsString(pointer))
                .body("errors.pointer", hasItem(pointer));
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void rejectsMalformedJsonWithWhereItBroke() {
        post("{" + AGENCY + ", \"year\": 2020,, }")
                .statusCode(400)
                .body("type", equalTo("/problems/malformed-json"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void rejectsABodyThatIsNotAnObject() {
        rejected("[1, 2]", 422, "/problems/invalid-field", "");
    }

    @Test
    void rejectsUnknownTopLevelField() {
        rejected(
                "{" + AGENCY + ", \"year\": 2020, \"format\": \"2019\", \"colour\": \"red\"}",
                422,
                "/problems/invalid-field",
                "/colour");
    }

    @Test
    void rejectsUnknownMetricKey() {
        rejected(
                "{" + AGENCY + ", \"year\": 2020, \"format\": \"2019\", \"figures\": {\"requests.new.totl\": 1}}",
                422,
                "/problems/invalid-field",
                "/figures/requests.new.totl");
    }

    @Test
    void rejectsACellTheFormatDoesNotHave() {
        rejected(
                "{" + AGENCY
                        + ", \"year\": 2022, \"format\": \"2021\", \"figures\": {\"proactive.procurement.projects\": 1}}",
                422,
                "/problems/invalid-field",
                "/figures/proactive.procurement.projects");
    }

    @Test
    void rejectsWrongTypes() {
        rejected("{" + AGENCY + ", \"year\": \"2020\", \"format\": \"2019\"}", 422, "/problems/invalid-field", "/year");
        rejected(
                "{" + AGENCY + ", \"year\": 2020, \"format\": \"2019\", \"figures\": {\"requests.new.total\": \"3\"}}",
                422,
                "/problems/invalid-field",
                "/figures/requests.new.total");
        rejected(
                "{" + AGENCY + ", \"year\": 2020, \"format\": \"2019\", \"figures\": {\"requests.new.total\": 2.5}}",
                422,
                "/problems/invalid-field",
                "/figures/requests.new.total");
        rejected("{" + AGENCY + ", \"year\": 2020, \"format\": 2019}", 422, "/problems/invalid-field", "/format");
        rejected(
                "{\"agency\": \"大连市教育局\", \"year\": 2020, \"format\": \"2019\"}",
                422,
                "/problems/invalid-field",
                "/agency");
        rejected(
                "{" + AGENCY
                        + ", \"year\": 2020, \"format\": \"2019\", \"figures\": {\"proactive.items_published\": {\"value\": 5, \"bound\": \"roughly\"}}}",
                422,
                "/problems/invalid-field",
                "/figures/proactive.items_published/bound");
        rejected(
                "{" + AGENCY + ", \"year\": 2020, \"format\": \"2019\", \"publishedOn\": \"31.01.2020\"}",
                422,
                "/problems/invalid-field",
                "/publishedOn");
    }

    @Test
    void rejectsNegativeCountsButKeepsSignedChanges() {
        rejected(
                "{" + AGENCY + ", \"year\": 2020, \"format\": \"2019\", \"figures\": {\"outcome.granted.total\": -1}}",
                422,
                "/problems/invalid-field",
                "/figures/outcome.granted.total");
        given().contentType(ContentType.JSON)
                .body(
                        "{\"agency\": {\"name\": \"营口市教育局\"}, \"year\": 2020, \"format\": \"2019\", \"figures\": {\"proactive.licensing.items_change\": -2}}")
                .post("/api/reports")
                .then()
                .statusCode(201)
                .body("figures.'proactive.licensing.items_change'.value", equalTo(-2));
    }

    @Test
    void rejectsYearsOutsideTheRegulationsLife() {
        rejected(
                "{" + AGENCY + ", \"year\": 2007, \"format\": \"narrative\"}", 422, "/problems/invalid-field", "/year");
        int tooLate = Year.now().getValue() + 2;
        rejected(
                "{" + AGENCY + ", \"year\": " + tooLate + ", \"format\": \"2021\"}",
                422,
                "/problems/invalid-field",
                "/year");
    }

    @Test
    void rejectsARegionCodeThatDoesNotExist() {
        rejected(
                "{\"agency\": {\"name\": \"大连市教育局\", \"regionCode\": \"219999\"}, \"year\": 2020, \"format\": \"2019\"}",
                422,
                "/problems/invalid-field",
                "/agency/regionCode");
        rejected(
                "{\"agency\": {\"name\": \"大连市教育局\", \"regionCode\": \"21\"}, \"year\": 2020, \"format\": \"2019\"}",
                422,
                "/problems/invalid-field",
                "/agency/regionCode");
    }

    @Test
    void rejectsAnAgencyWhoseRegionCannotBeResolved() {
        post("{\"agency\": {\"name\": \"市教育局\"}, \"year\": 2020, \"format\": \"2019\"}")
                .statusCode(422)
                .body("errors.pointer", hasItem("/agency/regionCode"))
                .body("detail", containsString("市教育局"));
    }

    @Test
    void rejectsAnOversizeBody() {
        String padding = "x".repeat(1_100_000);
        post("{" + AGENCY + ", \"year\": 2020, \"format\": \"2019\", \"sourceUrl\": \"" + padding + "\"}")
                .statusCode(413)
                .body("type", equalTo("/problems/payload-too-large"));
    }

    @Test
    void listsEveryBadFieldAtOnce() {
        post("{\"agency\": {}, \"year\": 1999, \"format\": \"2020\", \"figures\": {\"nope\": 1}}")
                .statusCode(422)
                .body(
                        "errors.pointer",
                        org.hamcrest.Matchers.hasItems("/agency/name", "/year", "/format", "/figures/nope"));
    }

    @Test
    void rejectsBadListParameters() {
        given().queryParam("limit", 0)
                .get("/api/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItem("limit"));
        given().queryParam("regionCode", "abc")
                .get("/api/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItem("regionCode"));
    }
}
