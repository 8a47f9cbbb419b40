package org.gongkai.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("database")
class MetricResourceTest {

    @Test
    @SuppressWarnings("unchecked")
    void publishesTheWholeCatalogueWithLabelsAndFlags() {
        JsonPath body =
                given().get("/api/metrics").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> metrics = body.getList("");
        assertThat(metrics).hasSize(MetricCatalogue.standard().all().size());
        Map<String, Object> stateSecret = metrics.stream()
                .filter(m -> m.get("key").equals("outcome.denied.state_secret.total"))
                .findFirst()
                .orElseThrow();
        assertThat(stateSecret)
                .containsEntry("section", "requests")
                .containsEntry("summable", true)
                .containsEntry("label", "属于国家秘密·总计");
        assertThat((List<Object>) stateSecret.get("formats")).containsExactlyInAnyOrder("2019", "2021");
        Map<String, Object> grant = metrics.stream()
                .filter(m -> m.get("key").equals("rate.grant"))
                .findFirst()
                .orElseThrow();
        assertThat(grant)
                .containsEntry("summable", false)
                .containsEntry("derived", true)
                .containsKey("formula");
        Map<String, Object> inForce = metrics.stream()
                .filter(m -> m.get("key").equals("proactive.normative_docs.in_force"))
                .findFirst()
                .orElseThrow();
        assertThat(inForce)
                .containsEntry("aggregation", "stock")
                .containsEntry("summable", false)
                .containsEntry("labelEn", "Normative documents — In force");
    }
}
