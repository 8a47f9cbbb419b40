package org.gongkai.security;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** With {@code gongkai.security.public-aggregates=true}, anonymous callers read aggregates and nothing else. */
@QuarkusTest
@TestProfile(PublicAggregatesTest.PublicOn.class)
@Tag("database")
class PublicAggregatesTest {

    /** The switch on. */
    public static final class PublicOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gongkai.security.public-aggregates", "true");
        }
    }

    @BeforeEach
    void anonymous() {
        DefaultAdminToken.anonymous();
    }

    @Test
    void anonymousCallersReadAggregatesOnly() {
        given().contentType("application/json")
                .body("{\"metrics\": [\"requests.new.total\"], \"groupBy\": [\"year\"]}")
                .post("/api/query")
                .then()
                .statusCode(200);
        given().get("/api/views/items-published").then().statusCode(200);
        given().get("/api/metrics").then().statusCode(200);
        // records, drill-downs, writes and management stay closed
        given().get("/api/views/drill-down?metric=requests.new.total&year=2019")
                .then()
                .statusCode(401);
        given().get("/api/reports").then().statusCode(401);
        given().get("/api/export-schedules").then().statusCode(401);
        given().contentType("application/json")
                .body("{}")
                .post("/api/reports")
                .then()
                .statusCode(401);
        given().get("/api/tokens").then().statusCode(401);
        // a token still counts as itself
        given().header("Authorization", "Bearer gk_unknown")
                .get("/api/metrics")
                .then()
                .statusCode(401);
    }
}
