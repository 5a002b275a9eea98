package io.leadqualifier.webhook;

import java.util.ArrayList;
import java.util.List;

import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.restassured.path.json.JsonPath;

/** The webhook endpoints as an administrator calls them; remembers what it subscribed so a test can delete it all after. */
public final class WebhookApi {
    /** A subscription made, and the secret its answer showed. */
    public record Subscribed(String id, String secret) {
    }

    private final List<String> made = new ArrayList<>();

    public Subscribed subscribe(String url, String... eventTypes) {
        JsonPath answer = TestCredentials.as(Roles.ADMIN).contentType("application/json")
                .body(java.util.Map.of("url", url, "eventTypes", List.of(eventTypes))).post("/api/v1/webhooks")
                .then().statusCode(201).extract().jsonPath();
        made.add(answer.getString("id"));
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

    /** Deletes every subscription this test made, so the next test's events reach only its own. */
    public void deleteAll() {
        made.forEach(id -> TestCredentials.as(Roles.ADMIN).delete("/api/v1/webhooks/" + id));
        made.clear();
    }
}
