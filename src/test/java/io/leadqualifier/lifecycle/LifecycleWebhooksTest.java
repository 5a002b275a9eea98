package io.leadqualifier.lifecycle;

import static io.leadqualifier.lifecycle.LeadLifecycleTest.event;
import static io.leadqualifier.lifecycle.LeadLifecycleTest.mql;
import static io.leadqualifier.lifecycle.LeadLifecycleTest.newLead;
import static io.leadqualifier.lifecycle.LeadLifecycleTest.qualify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.lifecycle.sla.SlaSweep;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.leadqualifier.system.TestClock;
import io.leadqualifier.webhook.WebhookApi;
import io.leadqualifier.webhook.WebhookProfile;
import io.leadqualifier.webhook.WebhookReceiver;
import io.leadqualifier.webhook.delivery.WebhookDispatcher;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** What the lifecycle does reaches a subscribed receiver, signed: hand-off, stage change, sales event, breach, escalation. */
@QuarkusTest
@TestProfile(WebhookProfile.class)
class LifecycleWebhooksTest {
    private final WebhookApi api = new WebhookApi();
    private final ObjectMapper json = new ObjectMapper();
    private WebhookReceiver receiver;
    @Inject
    TestClock clock;
    @Inject
    SlaSweep sweep;
    @Inject
    WebhookDispatcher dispatcher;

    @BeforeEach
    void subscribe() throws IOException {
        clock.reset();
        api.deleteAll();
        receiver = WebhookReceiver.start(clock);
        WebhookApi.Subscribed subscribed = api.subscribe(receiver.url(), "lead.stage_changed", "lead.handed_off", "lead.sales_event",
                "sla.breached", "sla.escalated", "lead.recycled");
        receiver.trust(subscribed.secret());
        TestCredentials.actAs(Roles.CRM);
    }

    @AfterEach
    void cleanUp() {
        api.deleteAll();
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        receiver.close();
        clock.reset();
    }

    private List<JsonNode> bodiesFor(String leadId, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            dispatcher.deliverDue();
            return bodies(leadId).size() >= atLeast;
        });
        return bodies(leadId);
    }

    private List<JsonNode> bodies(String leadId) {
        return receiver.received().stream().map(received -> {
            assertThat(received.verified()).as("signature of " + received.id()).isTrue();
            try {
                return json.readTree(received.body());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).filter(body -> body.path("data").path("leadId").asText().equals(leadId)).toList();
    }

    private static List<String> types(List<JsonNode> bodies) {
        return bodies.stream().map(body -> body.path("type").asText()).toList();
    }

    @Test
    void aHandOffAndWhatSalesSayReachTheReceiverSigned() {
        String leadId = newLead("hooked");
        Instant asOf = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        String assignee = qualify(mql(leadId, asOf)).getString("sla.assignee");
        List<JsonNode> handedOff = bodiesFor(leadId, 2);
        assertThat(types(handedOff)).containsExactlyInAnyOrder("lead.stage_changed", "lead.handed_off");
        JsonNode handOff = handedOff.stream().filter(body -> body.path("type").asText().equals("lead.handed_off")).findFirst().orElseThrow();
        assertThat(handOff.path("data").path("queue").asText()).isEqualTo("SDR");
        assertThat(handOff.path("data").path("assignee").asText()).isEqualTo(assignee);
        assertThat(handOff.path("timestamp").asText()).isEqualTo(asOf.toString());

        event(leadId, leadId + "-r", "REJECTED", asOf.plus(Duration.ofHours(1)), "BAD_DATA", null).statusCode(201);
        List<JsonNode> all = bodiesFor(leadId, 4);
        assertThat(types(all)).containsExactlyInAnyOrder("lead.stage_changed", "lead.handed_off", "lead.sales_event", "lead.stage_changed");
        assertThat(all.stream().filter(body -> body.path("type").asText().equals("lead.sales_event")).findFirst().orElseThrow()
                .path("data").path("reason").asText()).isEqualTo("BAD_DATA");
    }

    @Test
    void aBreachIsAnnouncedOnceWithItsEscalation() {
        String leadId = newLead("hooked-breach");
        qualify(mql(leadId, clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        bodiesFor(leadId, 2);
        clock.advance(Duration.ofHours(25));
        sweep.sweep();
        sweep.sweep();
        List<JsonNode> all = bodiesFor(leadId, 4);
        assertThat(types(all)).containsExactlyInAnyOrder("lead.stage_changed", "lead.handed_off", "sla.breached", "sla.escalated");
        assertThat(all.stream().filter(body -> body.path("type").asText().equals("sla.escalated")).findFirst().orElseThrow()
                .path("data").path("escalateTo").asText()).isEqualTo("SDR_MANAGER");
    }
}
