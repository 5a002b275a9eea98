package io.leadqualifier.webhook;

import java.util.List;

import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.restassured.path.json.JsonPath;

/** The webhook endpoints as an administrator calls them. */
public final class WebhookApi {
    /** A subscription made, and the secret its answer showed. */
    public record Subscribed(String id, String secret) {
    }

    public Subscribed subscribe(String url, String... eventTypes) {
        JsonPath answer = TestCredentials.as(Roles.ADMIN).contentType("application/json")
                .body(java.util.Map.of("url", url, "eventTypes", List.of(eventTypes))).post("/api/v1/webhooks")
                .then().statusCode(201).extract().jsonPath();
        return new Subscribed(answer.getString("id"), answer.getString("secret"));
    }

    public JsonPath subscription(String id) {
        return TestCredentials.as(Roles.ADMIN).get("/api/v1/webhooks/" + id).then().statusCode(200).extract().jsonPath();
    }

    public JsonPath deliveries(String id) {
        return TestCredentials.as(Roles.ADMIN).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200).extract().jsonPath();
    }

    /** The newest delivery's attempts so far. */
    public List<Object> attempts(String id) {
        return deliveries(id).getList("items[0].attempts");
    }

    /** Deletes every subscription, so that the next test's events reach only its own (tests of a profile run one at a time). */
    public void deleteAll() {
        List<String> ids = TestCredentials.as(Roles.ADMIN).get("/api/v1/webhooks").then().statusCode(200).extract().jsonPath().getList("id");
        ids.forEach(id -> TestCredentials.as(Roles.ADMIN).delete("/api/v1/webhooks/" + id).then().statusCode(204));
    }
}
