package org.gongkai.bulk;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** A {@code POST /api/reports/bulk} body as a loader sends it: NDJSON lines in UTF-8, sent as text. */
public final class BulkPost {

    private BulkPost() {}

    /** The request, ready for headers and {@code .post("/api/reports/bulk")}. */
    public static RequestSpecification ndjson(String lines) {
        return given().config(RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .encodeContentTypeAs("application/x-ndjson", ContentType.TEXT)))
                .contentType("application/x-ndjson; charset=UTF-8")
                .body(lines);
    }
}
