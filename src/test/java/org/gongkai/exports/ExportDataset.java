package org.gongkai.exports;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

/**
 * Reports of two agencies in 遵义市 (贵州省) for 2020 and 2021, one of which fails the balance check (一+二 ≠ 三（七）+四),
 * submitted once through the API. No other test writes to 贵州省.
 */
final class ExportDataset {

    static final String REGION = "520300";
    static final String AGENCIES = "出口测试";
    static final String QUERY =
            """
            {"metrics": ["requests.new.total", "outcome.granted.total", "rate.grant", "proactive.items_published"],
             "groupBy": ["agency", "year"],
             "filters": {"regionCode": "520300", "agency": "出口测试", "years": [2020, 2021]}}
            """;

    private static boolean loaded;

    private ExportDataset() {}

    static synchronized void load() {
        if (loaded) return;
        loaded = true;
        submit(
                "遵义市出口测试教育局",
                2020,
                "2019",
                """
                "requests.new.total": 10, "outcome.granted.total": 6, "outcome.partial.total": 2,
                "outcome.total.total": 10, "proactive.items_published": {"value": 1000, "bound": "at_least"}""");
        // 15 + 0 received, 12 + 0 handled: the balance check fails
        submit(
                "遵义市出口测试教育局",
                2021,
                "2021",
                """
                "requests.new.total": 15, "requests.carried_over.total": 0, "outcome.granted.total": 9,
                "outcome.partial.total": 0, "outcome.total.total": 12, "requests.carried_forward.total": 0,
                "proactive.items_published": 1200""");
        submit(
                "遵义市出口测试公安局",
                2020,
                "2019",
                "\"requests.new.total\": 4, \"outcome.granted.total\": 1, \"outcome.total.total\": 4");
        submit(
                "遵义市出口测试公安局",
                2021,
                "2021",
                "\"requests.new.total\": 6, \"outcome.granted.total\": 3, \"outcome.total.total\": 6");
    }

    private static void submit(String agency, int year, String format, String figures) {
        given().contentType(ContentType.JSON)
                .body("{\"agency\": {\"name\": \"" + agency + "\", \"regionCode\": \"" + REGION + "\"}, \"year\": "
                        + year + ", \"format\": \"" + format + "\", \"figures\": {" + figures + "}}")
                .post("/api/reports")
                .then()
                .statusCode(201);
    }
}
