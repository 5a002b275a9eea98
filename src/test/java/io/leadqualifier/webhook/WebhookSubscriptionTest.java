package io.leadqualifier.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Subscriptions: admins only, a secret shown once, event types by their wire names, receiver URLs checked. */
@QuarkusTest
@TestProfile(WebhookProfile.class)
class WebhookSubscriptionTest {
    private final WebhookApi api = new WebhookApi();
    @Inject
    TestResolver resolver;

    @BeforeEach
    @AfterEach
    void deleteSubscriptions() {
        api.deleteAll();
    }

    private static Response post(Object body) {
        return TestCredentials.as(Roles.ADMIN).contentType("application/json").body(body).post("/api/v1/webhooks");
    }

    @Test
    void aSubscriptionAnswers201WithItsLocationAndItsSecretShownOnce() {
        Response created = post(Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("lead.stage_changed", "sla.breached")));
        created.then().statusCode(201).header("Location", endsWith("/api/v1/webhooks/" + created.path("id")))
                .body("eventTypes", equalTo(List.of("lead.stage_changed", "sla.breached"))).body("status", equalTo("ACTIVE"))
                .body("createdBy", equalTo(Roles.ADMIN));
        String id = created.path("id");
        String secret = created.path("secret");

        assertThat(secret).matches("whsec_[A-Za-z0-9+/]+={0,2}");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSizeGreaterThanOrEqualTo(24);
        assertThat(post(Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("lead.recycled"))).path("secret").toString())
                .as("each subscription has its own secret").isNotEqualTo(secret);
    }

    @Test
    void theSecretIsNeverShownAgain() {
        WebhookApi.Subscribed subscribed = api.subscribe("http://127.0.0.1:9/hooks", "lead.handed_off");
        String secretPart = subscribed.secret().substring("whsec_".length());
        String one = TestCredentials.as(Roles.ADMIN).get("/api/v1/webhooks/" + subscribed.id()).then().statusCode(200)
                .body("secret", equalTo(null)).body("secretHint", endsWith(subscribed.secret().substring(subscribed.secret().length() - 4)))
                .extract().asString();
        String all = TestCredentials.as(Roles.ADMIN).get("/api/v1/webhooks").then().statusCode(200)
                .body("id", hasItem(subscribed.id())).extract().asString();
        assertThat(one).doesNotContain(secretPart);
        assertThat(all).doesNotContain(secretPart);
    }

    @Test
    void unknownEventTypesAreRefusedWithTheFieldNamed() {
        post(Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("lead.stage_changed", "lead.exploded")))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:lead-qualifier:problem:validation"))
                .body("errors[0].field", equalTo("eventTypes[1]"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("unknown event type 'lead.exploded'"));
        post(Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("webhook.test"))).then().statusCode(400)
                .body("errors[0].field", equalTo("eventTypes[0]"));
        post(Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of())).then().statusCode(400)
                .body("errors[0].field", equalTo("eventTypes"));
        post(Map.of("eventTypes", List.of("sla.breached"))).then().statusCode(400).body("errors[0].field", equalTo("url"));
        TestCredentials.as(Roles.ADMIN).contentType("application/json").post("/api/v1/webhooks").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://crm.example.com/hooks", "file:///etc/passwd", "javascript:alert(1)", "crm.example.com/hooks",
        "http://admin:hunter2@127.0.0.1/hooks"})
    void onlyHttpAndHttpsUrlsAreAccepted(String url) {
        post(Map.of("url", url, "eventTypes", List.of("sla.breached"))).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/hooks", "http://[::ffff:169.254.169.254]/",
        "http://[fd00:ec2::254]/latest", "http://metadata.google.internal/computeMetadata/v1/", "http://link-local.test:8080/hooks",
        "http://partly-link-local.test/hooks"})
    void linkLocalAndCloudMetadataAddressesAreRefused(String url) {
        resolver.map("link-local.test", "169.254.10.20");
        resolver.map("partly-link-local.test", "127.0.0.1", "fe80::1");
        String message = post(Map.of("url", url, "eventTypes", List.of("sla.breached"))).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("url")).extract().path("errors[0].message");
        assertThat(message).containsAnyOf("link-local", "cloud metadata");
    }

    @Test
    void loopbackAndPrivateAddressesAreAllowedByDefault() {
        api.subscribe("http://127.0.0.1:9/hooks", "sla.breached");
        api.subscribe("http://10.1.2.3/hooks", "sla.breached");
        api.subscribe("http://[::1]:9/hooks", "sla.breached");
    }

    @Test
    void onlyAdministratorsManageWebhooks() {
        WebhookApi.Subscribed subscribed = api.subscribe("http://127.0.0.1:9/hooks", "sla.escalated");
        String body = "{\"url\":\"http://127.0.0.1:9/hooks\",\"eventTypes\":[\"sla.breached\"]}";
        given().auth().none().contentType("application/json").body(body).post("/api/v1/webhooks").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().none().get("/api/v1/webhooks/" + subscribed.id()).then().statusCode(401);
        for (String role : List.of(Roles.CRM, Roles.REVOPS, Roles.AUDITOR)) {
            TestCredentials.as(role).contentType("application/json").body(body).post("/api/v1/webhooks").then().statusCode(403)
                    .contentType("application/problem+json");
            TestCredentials.as(role).get("/api/v1/webhooks").then().statusCode(403);
            TestCredentials.as(role).get("/api/v1/webhooks/" + subscribed.id()).then().statusCode(403);
            TestCredentials.as(role).get("/api/v1/webhooks/" + subscribed.id() + "/deliveries").then().statusCode(403);
            TestCredentials.as(role).post("/api/v1/webhooks/" + subscribed.id() + "/test").then().statusCode(403);
            TestCredentials.as(role).delete("/api/v1/webhooks/" + subscribed.id()).then().statusCode(403);
        }
        api.subscription(subscribed.id());
    }

    @Test
    void aDeletedSubscriptionIsGone() {
        WebhookApi.Subscribed subscribed = api.subscribe("http://127.0.0.1:9/hooks", "lead.recycled");
        TestCredentials.as(Roles.ADMIN).delete("/api/v1/webhooks/" + subscribed.id()).then().statusCode(204);

        JsonPath notFound = TestCredentials.as(Roles.ADMIN).get("/api/v1/webhooks/" + subscribed.id()).then().statusCode(404)
                .contentType("application/problem+json").extract().jsonPath();
        assertThat(notFound.getString("type")).isEqualTo("urn:lead-qualifier:problem:not-found");
        TestCredentials.as(Roles.ADMIN).get("/api/v1/webhooks/" + subscribed.id() + "/deliveries").then().statusCode(404);
        TestCredentials.as(Roles.ADMIN).delete("/api/v1/webhooks/" + subscribed.id()).then().statusCode(404);
        TestCredentials.as(Roles.ADMIN).get("/api/v1/webhooks").then().body("id", not(hasItem(subscribed.id())));
    }

    @Test
    void deliveriesAreFilteredByAKnownStatusAndPagedWithinBounds() {
        WebhookApi.Subscribed subscribed = api.subscribe("http://127.0.0.1:9/hooks", "lead.recycled");
        String deliveries = "/api/v1/webhooks/" + subscribed.id() + "/deliveries";
        TestCredentials.as(Roles.ADMIN).get(deliveries + "?status=delivered").then().statusCode(200).body("total", equalTo(0));
        TestCredentials.as(Roles.ADMIN).get(deliveries + "?status=LOST").then().statusCode(400).body("errors[0].field", equalTo("status"));
        TestCredentials.as(Roles.ADMIN).get(deliveries + "?size=101").then().statusCode(400).body("errors[0].field", equalTo("size"));
        TestCredentials.as(Roles.ADMIN).get(deliveries + "?page=-1").then().statusCode(400).body("errors[0].field", equalTo("page"));
        TestCredentials.as(Roles.ADMIN).get("/api/v1/webhooks/no-such-subscription/deliveries").then().statusCode(404);
    }
}
