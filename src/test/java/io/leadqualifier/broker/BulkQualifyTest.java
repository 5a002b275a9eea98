package io.leadqualifier.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A CRM streams leads through RabbitMQ: each message is qualified and recorded as over HTTP and its decision and
 * lifecycle events come out on the events exchange; a redelivered message is recorded once; a malformed or invalid
 * message lands in the dead-letter queue with its problem; a message whose decision cannot be committed is not
 * acknowledged, comes back, and is recorded once the store is back. Skipped when no RabbitMQ answers.
 */
@RequiresBroker
@QuarkusTest
@TestProfile(BrokerProfile.class)
class BulkQualifyTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final ObjectMapper json = new ObjectMapper();
    /** One CRM for the class: its exchanges and queues are deleted when the class is done. */
    private static TestBroker crm;
    @ConfigProperty(name = "lead-qualifier.broker.name-prefix")
    String prefix;
    @Inject
    MeterRegistry metrics;
    @Inject
    AgroalDataSource database;

    @BeforeEach
    void connectAsACrm() throws Exception {
        if (crm == null) {
            crm = new TestBroker(prefix);
        }
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (crm != null) {
            crm.close();
            crm = null;
        }
    }

    private static String mql(String leadId) {
        return """
                {"leadId": "%s", "asOf": "2026-11-22T10:00:00Z",
                 "contact": {"email": "claire.martin@acme.fr", "seniority": "DIRECTOR"},
                 "company": {"industry": "SOFTWARE", "employees": 250, "country": "FR"},
                 "activities": [{"type": "CONTENT_DOWNLOAD", "at": "2026-11-20T09:00:00Z"},
                                {"type": "WEBINAR_ATTENDED", "at": "2026-11-12T15:00:00Z"}]}""".formatted(leadId);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private double outcomes(String outcome) {
        var counter = metrics.find("leadqualifier.broker.messages").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static int recordedFor(String leadId) {
        return TestCredentials.as(Roles.AUDITOR).get("/api/v1/decisions?leadId=" + leadId).then().statusCode(200)
                .extract().path("total");
    }

    @Test
    void aMessageIsQualifiedRecordedAndItsDecisionAndEventsPublished() throws Exception {
        String leadId = unique("bulk");
        crm.publish(unique("msg"), mql(leadId));

        TestBroker.Received decision = await().atMost(PATIENCE).until(() -> crm.events().stream()
                .filter(event -> event.routingKey().startsWith("decision.") && event.body().contains(leadId)).findFirst(),
                found -> found.isPresent()).orElseThrow();
        assertThat(decision.routingKey()).isEqualTo("decision.MQL");
        JsonNode published = json.readTree(decision.body());
        assertThat(published.path("decisionId").asText()).isEqualTo(decision.messageId());
        assertThat(published.path("route").asText()).isEqualTo("SDR");
        assertThat(published.has("input")).isFalse();
        TestCredentials.as(Roles.AUDITOR).get("/api/v1/decisions/" + decision.messageId()).then().statusCode(200)
                .body("leadId", equalTo(leadId)).body("stage", equalTo("MQL")).body("score.total", equalTo(75));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(crm.events()).filteredOn(event -> leadId.equals(leadOf(event)))
                .extracting(TestBroker.Received::routingKey).contains("lead.stage_changed", "lead.handed_off"));
    }

    @Test
    void aRedeliveredMessageIsRecordedOnce() throws Exception {
        String leadId = unique("again");
        String messageId = unique("msg");
        double replayedBefore = outcomes("replayed");
        crm.publish(messageId, mql(leadId));
        crm.publish(messageId, mql(leadId));

        await().atMost(PATIENCE).until(() -> outcomes("replayed") > replayedBefore);
        assertThat(recordedFor(leadId)).isEqualTo(1);
        assertThat(crm.events()).filteredOn(event -> event.routingKey().startsWith("decision.") && event.body().contains(leadId))
                .hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void malformedAndInvalidMessagesLandInTheDeadLetterQueueWithTheirProblem() throws Exception {
        String malformed = unique("malformed");
        String invalid = unique("invalid");
        crm.publish(malformed, "{\"leadId\": \"x\", ");
        crm.publish(invalid, mql(unique("invalid")).replace("claire.martin@acme.fr", "not-an-email"));

        List<TestBroker.Received> deadLetters = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            deadLetters.addAll(crm.takeDeadLetters());
            return deadLetters.size() >= 2;
        });
        TestBroker.Received notJson = deadLetters.stream().filter(letter -> malformed.equals(letter.messageId())).findFirst().orElseThrow();
        assertThat(notJson.body()).isEqualTo("{\"leadId\": \"x\", ");
        assertThat(notJson.headers().get("problem-type").toString()).isEqualTo("urn:lead-qualifier:problem:malformed-json");
        assertThat(json.readTree(notJson.headers().get("problem").toString()).path("status").asInt()).isEqualTo(400);

        TestBroker.Received notValid = deadLetters.stream().filter(letter -> invalid.equals(letter.messageId())).findFirst().orElseThrow();
        JsonNode problem = json.readTree(notValid.headers().get("problem").toString());
        assertThat(problem.path("type").asText()).isEqualTo("urn:lead-qualifier:problem:validation");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("contact.email");
    }

    @Test
    void aMessageWhoseDecisionCannotBeCommittedIsNotAcknowledgedAndComesBack() throws Exception {
        String leadId = unique("outage");
        String messageId = unique("msg");
        double retriedBefore = outcomes("retried");
        execute("alter table decision rename to decision_away");
        try {
            crm.publish(messageId, mql(leadId));
            // Given back to the queue and taken again, more than once: never acknowledged, never dead-lettered.
            await().atMost(PATIENCE).until(() -> outcomes("retried") >= retriedBefore + 2);
        } finally {
            execute("alter table decision_away rename to decision");
        }
        await().atMost(PATIENCE).until(() -> recordedFor(leadId) == 1);
        assertThat(crm.takeDeadLetters()).extracting(TestBroker.Received::messageId).doesNotContain(messageId);
    }

    /** The store breaks as in {@code DatabaseOutageTest}: the decision table goes away, then comes back. */
    private void execute(String sql) throws java.sql.SQLException {
        try (java.sql.Connection connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String leadOf(TestBroker.Received event) {
        try {
            return json.readTree(event.body()).path("data").path("leadId").asText(null);
        } catch (Exception e) {
            return null;
        }
    }
}
