package io.leadqualifier.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The API description is one a CRM team can generate a client from: every operation named and typed, every
 * error a problem, examples, tags explained, a server and a licence. Fails when any of that goes missing.
 */
@QuarkusTest
class ApiDocumentTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    private static JsonNode document;

    @BeforeEach
    void readTheDocument() throws Exception {
        document = document != null ? document : new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
    }

    private static List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHODS.contains(method.getKey()) && path.getKey().startsWith("/api/")) {
                operations.add(Map.entry(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue()));
            }
        }));
        return operations;
    }

    @Test
    void everyOperationHasAUniqueOperationIdATagAndASummary() {
        Set<String> ids = new HashSet<>();
        assertThat(operations()).hasSizeGreaterThanOrEqualTo(22).allSatisfy(operation -> {
            String id = operation.getValue().path("operationId").asText("");
            assertThat(id).as("operationId of %s", operation.getKey()).matches("[a-z][A-Za-z]+");
            assertThat(ids.add(id)).as("%s is unique", id).isTrue();
            assertThat(operation.getValue().path("tags")).as("tags of %s", operation.getKey()).isNotEmpty();
            assertThat(operation.getValue().path("summary").asText()).as("summary of %s", operation.getKey()).isNotBlank();
        });
    }

    /** A 204 answers no body, so it needs no schema; every other 2xx does. */
    @Test
    void everySuccessfulAnswerIsTyped() {
        assertThat(operations()).allSatisfy(operation -> {
            List<JsonNode> schemas = new ArrayList<>();
            JsonNode responses = operation.getValue().path("responses");
            responses.properties().stream().filter(response -> response.getKey().startsWith("2"))
                    .forEach(response -> response.getValue().path("content").forEach(media -> schemas.add(media.path("schema"))));
            if (responses.has("204") && responses.properties().stream().filter(r -> r.getKey().startsWith("2")).count() == 1) {
                assertThat(responses.path("204").path("content").isMissingNode()).as("no body on the 204 of %s", operation.getKey()).isTrue();
                return;
            }
            assertThat(schemas).as("schemas of the 2xx answers of %s", operation.getKey()).isNotEmpty()
                    .allSatisfy(schema -> assertThat(schema.has("$ref") || schema.has("type") || schema.has("items"))
                            .as("a typed schema in %s: %s", operation.getKey(), schema).isTrue());
        });
    }

    @Test
    void everyErrorIsAProblem() {
        assertThat(operations()).allSatisfy(operation -> {
            JsonNode responses = operation.getValue().path("responses");
            assertThat(responses.has("401") && responses.has("403") && responses.has("500") && responses.has("503"))
                    .as("401, 403, 500 and 503 on %s", operation.getKey()).isTrue();
            responses.properties().stream().filter(response -> response.getKey().matches("[45]\\d\\d")).forEach(response ->
                    assertThat(response.getValue().path("content").path("application/problem+json").path("schema").path("$ref").asText())
                            .as("%s of %s", response.getKey(), operation.getKey()).isEqualTo("#/components/schemas/Problem"));
        });
        assertThat(document.path("components").path("schemas").path("Problem").path("required").toString())
                .contains("type", "title", "status");
    }

    @Test
    void qualifyingALeadShowsAnExampleRequestAndAnswer() {
        JsonNode qualify = document.path("paths").path("/api/v1/qualify").path("post");
        assertThat(qualify.path("requestBody").path("content").path("application/json").path("examples")).isNotEmpty();
        assertThat(qualify.path("responses").path("200").path("content").path("application/json").path("examples")).isNotEmpty();
        assertThat(qualify.path("responses").path("422").path("description").asText()).contains("Idempotency-Key");
    }

    @Test
    void theDocumentNamesItsServerLicenceAndExplainsEveryTag() {
        assertThat(document.path("info").path("license").path("name").asText()).isEqualTo("Apache-2.0");
        assertThat(document.path("servers")).isNotEmpty();
        Set<String> used = new HashSet<>();
        operations().forEach(operation -> operation.getValue().path("tags").forEach(tag -> used.add(tag.asText())));
        Set<String> described = new HashSet<>();
        document.path("tags").forEach(tag -> {
            if (!tag.path("description").asText().isBlank()) {
                described.add(tag.path("name").asText());
            }
        });
        assertThat(described).containsAll(used);
    }
}
