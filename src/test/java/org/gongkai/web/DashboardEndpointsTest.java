package org.gongkai.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongkai.regions.Region;
import org.gongkai.regions.RegionDirectory;
import org.gongkai.regions.RegionLevel;
import org.gongkai.regions.SectorClassifier;
import org.gongkai.security.DefaultAdminToken;
import org.junit.jupiter.api.Test;

/**
 * What the dashboard needs besides the existing API: its files open without a token (the API still wants one), the
 * region picker's levels, the sector keys, and who the signed-in token is.
 */
@QuarkusTest
class DashboardEndpointsTest {

    private static final RegionDirectory REGIONS = RegionDirectory.standard();

    @Test
    void pagesAndChartsAreServedWithoutATokenWhileTheApiStillWantsOne() {
        DefaultAdminToken.anonymous();
        String page = given().get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("/app/main.js"))
                .extract()
                .asString();
        java.util.regex.Matcher echarts = java.util.regex.Pattern.compile("src=\"(/_static/echarts/[^\"]+)\"")
                .matcher(page);
        assertThat(echarts.find()).as("the page loads ECharts from the service").isTrue();
        assertThat(echarts.group(1)).doesNotContain("@");
        given().get("/app/main.js").then().statusCode(200).body(containsString("hashchange"));
        given().get("/app/overview.json").then().statusCode(200).body("series.groupBy[0]", equalTo("year"));
        // ECharts from its Maven Central package (mvnpm), served by the service itself
        given().get(echarts.group(1)).then().statusCode(200).body(containsString("echarts"));
        given().get("/api/regions").then().statusCode(401);
        given().get("/api/tokens/me").then().statusCode(401);
    }

    @Test
    void listsTheProvincesAndTheDivisionsBelowARegion() {
        List<String> provinces =
                given().get("/api/regions").then().statusCode(200).extract().path("regions.code");
        assertThat(provinces)
                .containsExactlyElementsOf(REGIONS.all().stream()
                        .filter(r -> r.level() == RegionLevel.PROVINCE)
                        .map(Region::code)
                        .toList());
        JsonPath cities = given().get("/api/regions?parent=210000")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(cities.getString("parent.name"))
                .isEqualTo(REGIONS.find("210000").orElseThrow().name());
        assertThat(cities.<String>getList("regions.code"))
                .containsExactlyElementsOf(REGIONS.all().stream()
                        .filter(r -> r.level() == RegionLevel.CITY
                                && r.provinceCode().equals("210000"))
                        .map(Region::code)
                        .toList());
        String city = cities.getString("regions[0].code");
        assertThat(given().get("/api/regions?parent=" + city)
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("regions[0].level"))
                .isEqualTo("county");
        Region county = REGIONS.all().stream()
                .filter(r -> r.level() == RegionLevel.COUNTY)
                .findFirst()
                .orElseThrow();
        given().get("/api/regions/" + county.code())
                .then()
                .statusCode(200)
                .body(
                        "name",
                        equalTo(county.name()),
                        "level",
                        equalTo("county"),
                        "provinceCode",
                        equalTo(county.provinceCode()),
                        "cityCode",
                        equalTo(county.cityCode()));
        given().get("/api/regions?parent=12345").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/regions/999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listsEverySectorOnce() {
        List<String> keys =
                given().get("/api/sectors").then().statusCode(200).extract().path("key");
        Map<String, Long> expected = SectorClassifier.standard().entries().stream()
                .collect(Collectors.groupingBy(e -> e.sector().key(), Collectors.counting()));
        assertThat(keys).doesNotHaveDuplicates().containsAll(expected.keySet()).contains("other");
    }

    @Test
    void tellsATokenWhoItIs() {
        given().get("/api/tokens/me").then().statusCode(200).body("role", equalTo("admin"), "token", equalTo(null));
        String token = given().contentType("application/json")
                .body("{\"name\": \"liaoning office\", \"role\": \"supervisor\", \"regionCode\": \"210000\"}")
                .post("/api/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        given().header("Authorization", "Bearer " + token)
                .get("/api/tokens/me")
                .then()
                .statusCode(200)
                .body(
                        "role",
                        equalTo("supervisor"),
                        "regionCode",
                        equalTo("210000"),
                        "name",
                        equalTo("liaoning office"));
        // the supervisor may list regions anywhere (public divisions); questions outside its region stay 403
        given().header("Authorization", "Bearer " + token)
                .get("/api/regions?parent=650000")
                .then()
                .statusCode(200);
        given().header("Authorization", "Bearer " + token)
                .get("/api/views/coverage?regionCode=650000&year=2024")
                .then()
                .statusCode(403);
    }
}
