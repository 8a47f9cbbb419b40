package org.gongkai.problems;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/openapi} describes what a dashboard author needs: a typed body for every request that has one (a JSON
 * schema and an example for JSON bodies), the problem shape for every error, and a description for every parameter.
 */
@QuarkusTest
class OpenApiShapesTest {

    @Test
    void everyOperationHasTypedBodiesProblemErrorsAndDescribedParameters() throws Exception {
        JsonNode doc = new ObjectMapper()
                .readTree(given().get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertThat(doc.at("/components/schemas/Problem/properties").has("title"))
                .isTrue();
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (var path : (Iterable<java.util.Map.Entry<String, JsonNode>>) doc.path("paths")::fields) {
            for (var method : (Iterable<java.util.Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                operations++;
                String op = method.getKey().toUpperCase() + " " + path.getKey();
                JsonNode o = method.getValue();
                // a body described once among the components is named by reference; the reference must resolve
                JsonNode body = o.path("requestBody");
                if (body.has("$ref")) {
                    String ref = body.get("$ref").asText();
                    body = ref.startsWith("#/") ? doc.at(ref.substring(1)) : MissingNode.getInstance();
                    if (body.isMissingNode()) wrong.add(op + ": a request body reference that names nothing: " + ref);
                    else if (!body.path("required").asBoolean()) wrong.add(op + ": " + ref + " not required");
                }
                JsonNode content = body.path("content");
                if (content.has("*/*")) wrong.add(op + ": a */* request body");
                JsonNode json = content.path("application/json");
                if (!json.isMissingNode()) {
                    if (!json.at("/schema/$ref").isTextual()) wrong.add(op + ": a JSON body without a schema");
                    if (json.path("examples").isEmpty()) wrong.add(op + ": a JSON body without an example");
                }
                o.path("responses").fields().forEachRemaining(r -> {
                    if (r.getKey().startsWith("4")
                            && !r.getValue()
                                    .at("/content/application~1problem+json/schema/$ref")
                                    .asText()
                                    .endsWith("/Problem")) {
                        wrong.add(op + ": " + r.getKey() + " without the problem shape");
                    }
                });
                if (!o.path("responses").has("400")) wrong.add(op + ": no 400");
                o.path("parameters").forEach(p -> {
                    if (p.path("description").asText().isBlank()) {
                        wrong.add(op + ": parameter " + p.path("name").asText() + " undescribed");
                    }
                });
            }
        }
        assertThat(operations).isGreaterThan(20);
        // the query that POST /api/query, /api/query/explain and POST /api/exports read is one component
        assertThat(doc.at("/paths/~1api~1query/post/requestBody/$ref").asText())
                .isEqualTo(doc.at("/paths/~1api~1exports/post/requestBody/$ref").asText())
                .isEqualTo("#/components/requestBodies/Query");
        assertThat(wrong).isEmpty();
        // the statuses a write can answer besides 200
        assertThat(doc.at("/paths/~1api~1reports/post/responses").has("201")).isTrue();
        assertThat(doc.at("/paths/~1api~1documents/post/responses").has("202")).isTrue();
        assertThat(doc.at("/paths/~1api~1query/post/responses").has("415")).isTrue();
    }
}
