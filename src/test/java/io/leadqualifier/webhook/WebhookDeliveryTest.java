package io.leadqualifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import org.awaitility.core.ConditionFactory;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.leadqualifier.system.TestClock;
import io.leadqualifier.webhook.delivery.WebhookDispatcher;
import io.leadqualifier.webhook.outbox.WebhookOutbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Delivery as a receiver on loopback sees it: signed as Standard Webhooks says (checked by the receiver, not by the
 * service's code), retried on the schedule with the same webhook-id, Retry-After honoured, 410 disabling, nothing
 * lost when the receiver or the service was down. Time passes on the test clock; a test starts a delivery pass
 * itself (what the scheduled poll does) when it does not want to wait for the next poll.
 */
@QuarkusTest
@TestProfile(WebhookProfile.class)
class WebhookDeliveryTest {
    private static final Instant OCCURRED = Instant.parse("2026-11-22T10:00:00Z");
    private final WebhookApi api = new WebhookApi();
    private final ObjectMapper json = new ObjectMapper();
    private final List<WebhookReceiver> receivers = new ArrayList<>();
    @Inject
    WebhookOutbox outbox;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    TestClock clock;
    @Inject
    TestResolver resolver;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void realTimeAndNoOtherSubscription() {
        clock.reset();
        api.deleteAll();
    }

    @AfterEach
    void cleanUp() {
        api.deleteAll();
        receivers.forEach(WebhookReceiver::close);
        clock.reset();
    }

    private WebhookReceiver receiver() throws IOException {
        WebhookReceiver receiver = WebhookReceiver.start(clock);
        receivers.add(receiver);
        return receiver;
    }

    private WebhookApi.Subscribed subscribe(WebhookReceiver receiver, String... types) {
        WebhookApi.Subscribed subscribed = api.subscribe(receiver.url(), types);
        receiver.trust(subscribed.secret());
        return subscribed;
    }

    private static WebhookEvent stageChanged(String leadId) {
        return new WebhookEvent(WebhookEventType.LEAD_STAGE_CHANGED, OCCURRED, leadId,
                Map.of("from", "LEAD", "to", "MQL", "decisionId", "d-" + leadId));
    }

    /** Appends in a transaction of its own, as a feature's @Transactional method would. */
    private int emit(WebhookEvent... events) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.append(List.of(events)));
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
    }

    private List<Map<String, Object>> attempts(String subscriptionId) {
        List<Map<String, Object>> attempts = api.deliveries(subscriptionId).getList("items[0].attempts");
        return attempts == null ? List.of() : attempts;
    }

    private List<Map<String, Object>> awaitAttempts(String subscriptionId, int count) {
        eventually().until(() -> attempts(subscriptionId).size() >= count);
        return attempts(subscriptionId);
    }

    private static Instant at(Map<String, Object> attempt, String field) {
        return attempt.get(field) == null ? null : Instant.parse((String) attempt.get(field));
    }

    /** Makes the next attempt due and starts a pass at once. */
    private void advancePast(Instant nextAttempt) {
        clock.advance(Duration.between(clock.instant(), nextAttempt).plusSeconds(1));
        dispatcher.deliverDue();
    }

    private String messageStatus(String subscriptionId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select status from webhook_message where subscription_id = ?")) {
            select.setString(1, subscriptionId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    @Test
    void aMessageArrivesSignedWithTheStandardWebhooksHeadersAndBody() throws Exception {
        WebhookReceiver receiver = receiver();
        WebhookApi.Subscribed subscribed = subscribe(receiver, "lead.stage_changed", "sla.breached");

        assertThat(emit(new WebhookEvent(WebhookEventType.LEAD_STAGE_CHANGED, OCCURRED, "crm-00042",
                Map.of("from", "LEAD", "to", "MQL", "at", OCCURRED, "score", Map.of("total", 75))))).isEqualTo(1);
        eventually().until(() -> receiver.received().size() == 1);

        WebhookReceiver.Received message = receiver.received().get(0);
        assertThat(message.verified()).as("signature and timestamp checked as a receiver does").isTrue();
        assertThat(message.contentType()).startsWith("application/json");
        assertThat(message.id()).startsWith("msg_");
        assertThat(Long.parseLong(message.timestamp())).isCloseTo(clock.instant().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
        JsonNode body = json.readTree(message.body());
        assertThat(body.path("type").asText()).isEqualTo("lead.stage_changed");
        assertThat(body.path("timestamp").asText()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(body.path("data").fieldNames()).toIterable().first().isEqualTo("leadId");
        assertThat(body.path("data").path("to").asText()).isEqualTo("MQL");
        assertThat(body.path("data").path("leadId").asText()).isEqualTo("crm-00042");
        assertThat(body.path("data").path("at").asText()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(body.path("data").path("score").path("total").asInt()).isEqualTo(75);

        eventually().until(() -> "DELIVERED".equals(api.deliveries(subscribed.id()).getString("items[0].status")));
        JsonPath deliveries = api.deliveries(subscribed.id());
        assertThat(deliveries.getString("items[0].messageId")).isEqualTo(message.id());
        assertThat(deliveries.getString("items[0].eventType")).isEqualTo("lead.stage_changed");
        assertThat(deliveries.getString("items[0].leadId")).isEqualTo("crm-00042");
        assertThat(deliveries.getInt("items[0].attempts[0].attempt")).isEqualTo(1);
        assertThat(deliveries.getInt("items[0].attempts[0].httpStatus")).isEqualTo(200);
        assertThat(deliveries.getString("items[0].attempts[0].outcome")).isEqualTo("DELIVERED");
        assertThat(deliveries.getLong("items[0].attempts[0].durationMillis")).isNotNegative();
        assertThat(deliveries.getString("items[0].attempts[0].nextAttemptAt")).isNull();
    }

    @Test
    void onlyTheEventTypesASubscriptionAskedForAreSent() throws Exception {
        WebhookReceiver receiver = receiver();
        subscribe(receiver, "sla.breached");
        assertThat(emit(stageChanged("crm-1"))).isZero();
        assertThat(emit(new WebhookEvent(WebhookEventType.SLA_BREACHED, OCCURRED, "crm-1", Map.of("owner", "SDR")), stageChanged("crm-2")))
                .isEqualTo(1);
        eventually().until(() -> receiver.received().size() == 1);
        assertThat(receiver.received().get(0).body()).contains("\"type\":\"sla.breached\"");
    }

    @Test
    void eventsCommitAndRollBackWithTheCallersTransaction() throws Exception {
        WebhookReceiver receiver = receiver();
        WebhookApi.Subscribed subscribed = subscribe(receiver, "lead.handed_off");
        WebhookEvent handedOff = new WebhookEvent(WebhookEventType.LEAD_HANDED_OFF, OCCURRED, "crm-7", Map.of("queue", "SDR"));

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            assertThat(outbox.append(connection, List.of(handedOff))).isEqualTo(1);
            connection.rollback();
            connection.setAutoCommit(true);
        }
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.append(List.of(handedOff));
            throw new IllegalStateException("the change that caused the event failed");
        })).hasMessageContaining("the change that caused the event failed");
        assertThat(messageStatus(subscribed.id())).as("nothing written by the transactions rolled back").isNull();
        assertThatThrownBy(() -> outbox.append(List.of(handedOff))).as("outside a transaction").isInstanceOf(TransactionalException.class);

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            outbox.append(connection, List.of(handedOff));
            connection.commit();
            connection.setAutoCommit(true);
        }
        eventually().until(() -> receiver.received().size() == 1);
        assertThat(receiver.received().get(0).verified()).isTrue();
    }

    @Test
    void aFailedAttemptIsRetriedAfterTheBackoffWithTheSameWebhookId() throws Exception {
        WebhookReceiver receiver = receiver().answer(500);
        WebhookApi.Subscribed subscribed = subscribe(receiver, "lead.stage_changed");
        emit(stageChanged("crm-retry"));

        Map<String, Object> first = awaitAttempts(subscribed.id(), 1).get(0);
        assertThat(first.get("httpStatus")).isEqualTo(500);
        assertThat(first.get("outcome")).isEqualTo("RETRYING");
        assertThat(Duration.between(at(first, "attemptedAt"), at(first, "nextAttemptAt")))
                .isBetween(Duration.ofSeconds(4), Duration.ofSeconds(7));
        assertThat(api.deliveries(subscribed.id()).getString("items[0].status")).isEqualTo("PENDING");

        clock.advance(Duration.ofSeconds(7));
        eventually().until(() -> receiver.received().size() == 2);
        eventually().until(() -> "DELIVERED".equals(api.deliveries(subscribed.id()).getString("items[0].status")));

        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received).allMatch(WebhookReceiver.Received::verified);
        assertThat(received.get(1).id()).isEqualTo(received.get(0).id());
        assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
        assertThat(Long.parseLong(received.get(1).timestamp()) - Long.parseLong(received.get(0).timestamp())).isGreaterThanOrEqualTo(7);
        List<Map<String, Object>> attempts = attempts(subscribed.id());
        assertThat(attempts).extracting(a -> a.get("attempt")).containsExactly(1, 2);
        assertThat(attempts.get(1).get("httpStatus")).isEqualTo(200);
    }

    @Test
    void aMessageFailsAfterItsEighthAttemptOnTheScheduleWithJitter() throws Exception {
        WebhookReceiver receiver = receiver().otherwise(503);
        WebhookApi.Subscribed subscribed = subscribe(receiver, "lead.recycled");
        emit(new WebhookEvent(WebhookEventType.LEAD_RECYCLED, OCCURRED, "crm-gone-quiet", Map.of("reason", "no contact")));
        List<Duration> steps = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

        for (int attempt = 1; attempt <= 7; attempt++) {
            Map<String, Object> last = awaitAttempts(subscribed.id(), attempt).get(attempt - 1);
            Duration step = steps.get(attempt - 1);
            assertThat(last.get("outcome")).as("attempt %d", attempt).isEqualTo("RETRYING");
            assertThat(Duration.between(at(last, "attemptedAt"), at(last, "nextAttemptAt"))).as("wait after attempt %d", attempt)
                    .isBetween(step.multipliedBy(8).dividedBy(10), step.multipliedBy(12).dividedBy(10).plusSeconds(2));
            advancePast(at(last, "nextAttemptAt"));
        }
        Map<String, Object> last = awaitAttempts(subscribed.id(), 8).get(7);
        assertThat(last.get("outcome")).isEqualTo("FAILED");
        assertThat(last.get("nextAttemptAt")).isNull();
        eventually().until(() -> "FAILED".equals(api.deliveries(subscribed.id()).getString("items[0].status")));
        assertThat(api.deliveries(subscribed.id()).getString("items[0].nextAttemptAt")).isNull();
        assertThat(receiver.received()).hasSize(8).allMatch(WebhookReceiver.Received::verified)
                .extracting(WebhookReceiver.Received::id).containsOnly(receiver.received().get(0).id());
    }

    @Test
    void aRetryAfterLongerThanTheBackoffIsHonouredInSecondsOrAsADate() throws Exception {
        WebhookReceiver seconds = receiver().answer(503, Map.of("Retry-After", "3600"));
        Instant date = clock.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        WebhookReceiver httpDate = receiver().answer(429,
                Map.of("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atOffset(ZoneOffset.UTC))));
        WebhookReceiver shorter = receiver().answer(503, Map.of("Retry-After", "1"));
        WebhookApi.Subscribed bySeconds = subscribe(seconds, "sla.escalated");
        WebhookApi.Subscribed byDate = subscribe(httpDate, "sla.escalated");
        WebhookApi.Subscribed byShorter = subscribe(shorter, "sla.escalated");

        assertThat(emit(new WebhookEvent(WebhookEventType.SLA_ESCALATED, OCCURRED, "crm-9", Map.of("to", "SDR_MANAGER")))).isEqualTo(3);

        Map<String, Object> waited = awaitAttempts(bySeconds.id(), 1).get(0);
        assertThat(Duration.between(at(waited, "attemptedAt"), at(waited, "nextAttemptAt")))
                .isBetween(Duration.ofSeconds(3600), Duration.ofSeconds(3602));
        assertThat(at(awaitAttempts(byDate.id(), 1).get(0), "nextAttemptAt")).isEqualTo(date);
        Map<String, Object> notShortened = awaitAttempts(byShorter.id(), 1).get(0);
        assertThat(Duration.between(at(notShortened, "attemptedAt"), at(notShortened, "nextAttemptAt")))
                .isBetween(Duration.ofSeconds(4), Duration.ofSeconds(7));
    }

    @Test
    void aReceiverAnswering410DisablesItsSubscription() throws Exception {
        WebhookReceiver receiver = receiver().otherwise(410);
        WebhookApi.Subscribed subscribed = subscribe(receiver, "lead.sales_event");
        emit(new WebhookEvent(WebhookEventType.LEAD_SALES_EVENT, OCCURRED, "crm-5", Map.of("event", "REJECTED")));

        eventually().until(() -> "DISABLED".equals(api.subscription(subscribed.id()).getString("status")));
        JsonPath subscription = api.subscription(subscribed.id());
        assertThat(subscription.getString("disabledReason")).contains("410 Gone");
        assertThat(subscription.getString("disabledAt")).isNotNull();
        JsonPath deliveries = api.deliveries(subscribed.id());
        assertThat(deliveries.getString("items[0].status")).isEqualTo("FAILED");
        assertThat(deliveries.getString("items[0].attempts[0].outcome")).isEqualTo("DISABLED");
        assertThat(deliveries.getInt("items[0].attempts[0].httpStatus")).isEqualTo(410);

        assertThat(emit(new WebhookEvent(WebhookEventType.LEAD_SALES_EVENT, OCCURRED, "crm-5", Map.of("event", "LOST")))).isZero();
        TestCredentials.as(Roles.ADMIN).post("/api/v1/webhooks/" + subscribed.id() + "/test").then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aDeletedSubscriptionGetsNoFurtherDeliveries() throws Exception {
        WebhookReceiver receiver = receiver().otherwise(500);
        WebhookApi.Subscribed subscribed = subscribe(receiver, "lead.stage_changed");
        emit(stageChanged("crm-deleted"));
        Map<String, Object> first = awaitAttempts(subscribed.id(), 1).get(0);
        assertThat(first.get("outcome")).isEqualTo("RETRYING");

        TestCredentials.as(Roles.ADMIN).delete("/api/v1/webhooks/" + subscribed.id()).then().statusCode(204);
        assertThat(messageStatus(subscribed.id())).as("its retry, cancelled").isEqualTo("CANCELLED");
        assertThat(emit(stageChanged("crm-after-delete"))).isZero();
        advancePast(at(first, "nextAttemptAt"));
        assertThat(messageStatus(subscribed.id())).isEqualTo("CANCELLED");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void messagesLeftByAStoppedServiceAreDeliveredOnceTheReceiverIsBackUp() throws Exception {
        WebhookReceiver receiver = WebhookReceiver.down(clock);
        receivers.add(receiver);
        WebhookApi.Subscribed subscribed = subscribe(receiver, "lead.stage_changed");

        // The receiver is down: the first attempt is refused and a retry is due in about 5 s.
        emit(stageChanged("crm-while-down"));
        Map<String, Object> refused = awaitAttempts(subscribed.id(), 1).get(0);
        assertThat(refused.get("httpStatus")).isNull();
        assertThat((String) refused.get("error")).isNotBlank();
        assertThat(refused.get("outcome")).isEqualTo("RETRYING");
        String firstMessage = api.deliveries(subscribed.id()).getString("items[0].messageId");

        // A second message as a service killed while sending it leaves it: committed, claimed by an instance that is gone.
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            outbox.append(connection, List.of(stageChanged("crm-in-flight")));
            try (PreparedStatement claim = connection.prepareStatement("update webhook_message set claimed_by = 'instance-killed',"
                    + " claimed_until = ? where subscription_id = ? and status = 'PENDING' and attempts = 0")) {
                claim.setObject(1, clock.instant().plus(Duration.ofMinutes(2)).atOffset(ZoneOffset.UTC));
                claim.setString(2, subscribed.id());
                assertThat(claim.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
            connection.setAutoCommit(true);
        }

        receiver.listen();
        advancePast(at(refused, "nextAttemptAt"));
        eventually().until(() -> receiver.received().size() == 1);
        assertThat(receiver.received().get(0).id()).isEqualTo(firstMessage);
        assertThat(receiver.received().get(0).verified()).isTrue();
        dispatcher.deliverDue();
        assertThat(receiver.received()).as("the in-flight message, still leased to the killed instance").hasSize(1);

        clock.advance(Duration.ofMinutes(2));
        dispatcher.deliverDue();
        eventually().until(() -> receiver.received().size() == 2);
        assertThat(receiver.received().get(1).verified()).isTrue();
        assertThat(receiver.received().get(1).body()).contains("crm-in-flight");
        eventually().until(() -> api.deliveries(subscribed.id()).getList("items.status").equals(List.of("DELIVERED", "DELIVERED")));
        assertThat(api.deliveries(subscribed.id()).getList("items.collect { it.attempts.size() }")).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void aHostIsConnectedToAtTheAddressCheckedAndRefusedWhenItResolvesToLinkLocalLater() throws Exception {
        WebhookReceiver receiver = receiver();
        resolver.map("crm-on-premises.test", "127.0.0.1");
        WebhookApi.Subscribed subscribed = api.subscribe("http://crm-on-premises.test:" + receiver.port() + "/hooks", "lead.handed_off");
        receiver.trust(subscribed.secret());
        WebhookEvent handedOff = new WebhookEvent(WebhookEventType.LEAD_HANDED_OFF, OCCURRED, "crm-3", Map.of("queue", "AE"));

        emit(handedOff);
        eventually().until(() -> receiver.received().size() == 1);
        assertThat(receiver.received().get(0).host()).as("the URL's host, connected to at the address checked")
                .isEqualTo("crm-on-premises.test:" + receiver.port());

        // DNS rebinding: the same name now points at the metadata service.
        resolver.map("crm-on-premises.test", "169.254.169.254");
        emit(handedOff);
        eventually().until(() -> attempts(subscribed.id()).size() == 1 && attempts(subscribed.id()).get(0).get("error") != null);
        Map<String, Object> refused = attempts(subscribed.id()).get(0);
        assertThat((String) refused.get("error")).isEqualTo(
                "refused: the URL resolves to a cloud metadata address (crm-on-premises.test → 169.254.169.254)");
        assertThat(refused.get("outcome")).isEqualTo("RETRYING");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aTestPingIsDeliveredSignedLikeAnyOtherMessage() throws Exception {
        WebhookReceiver receiver = receiver();
        WebhookApi.Subscribed subscribed = subscribe(receiver, "sla.breached");
        String messageId = TestCredentials.as(Roles.ADMIN).post("/api/v1/webhooks/" + subscribed.id() + "/test").then().statusCode(202)
                .extract().path("messageId");

        eventually().until(() -> receiver.received().size() == 1);
        WebhookReceiver.Received ping = receiver.received().get(0);
        assertThat(ping.id()).isEqualTo(messageId);
        assertThat(ping.verified()).isTrue();
        JsonNode body = json.readTree(ping.body());
        assertThat(body.path("type").asText()).isEqualTo("webhook.test");
        assertThat(body.path("data").path("subscriptionId").asText()).isEqualTo(subscribed.id());
    }

    @Test
    void deliveriesArePagedNewestFirstAndFilteredByStatus() throws Exception {
        WebhookReceiver receiver = receiver();
        WebhookApi.Subscribed subscribed = subscribe(receiver, "lead.stage_changed");
        for (int lead = 1; lead <= 3; lead++) {
            emit(stageChanged("crm-page-" + lead));
            clock.advance(Duration.ofSeconds(1));
        }
        eventually().until(() -> api.deliveries(subscribed.id()).getList("items.status").equals(List.of("DELIVERED", "DELIVERED", "DELIVERED")));

        String deliveries = "/api/v1/webhooks/" + subscribed.id() + "/deliveries";
        JsonPath first = TestCredentials.as(Roles.ADMIN).get(deliveries + "?size=2").then().statusCode(200).extract().jsonPath();
        assertThat(first.getLong("total")).isEqualTo(3);
        assertThat(first.getList("items.leadId")).containsExactly("crm-page-3", "crm-page-2");
        JsonPath second = TestCredentials.as(Roles.ADMIN).get(deliveries + "?size=2&page=1").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.leadId")).containsExactly("crm-page-1");
        assertThat(TestCredentials.as(Roles.ADMIN).get(deliveries + "?status=DELIVERED").then().extract().jsonPath().getLong("total"))
                .isEqualTo(3);
        assertThat(TestCredentials.as(Roles.ADMIN).get(deliveries + "?status=PENDING").then().extract().jsonPath().getLong("total"))
                .isZero();
    }

    @Test
    void secretsNeverAppearInTheLog() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                lines.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        WebhookApi.Subscribed subscribed;
        try {
            WebhookReceiver receiver = receiver().answer(500).answer(410);
            subscribed = subscribe(receiver, "sla.breached");
            emit(new WebhookEvent(WebhookEventType.SLA_BREACHED, OCCURRED, "crm-log", Map.of("owner", "SDR")));
            Map<String, Object> first = awaitAttempts(subscribed.id(), 1).get(0);
            advancePast(at(first, "nextAttemptAt"));
            eventually().until(() -> "DISABLED".equals(api.subscription(subscribed.id()).getString("status")));
        } finally {
            root.removeHandler(capture);
        }
        assertThat(lines).as("webhook lines logged").anyMatch(line -> line.contains(subscribed.id()));
        String secretPart = subscribed.secret().substring("whsec_".length());
        assertThat(lines).noneMatch(line -> line.contains(secretPart));
    }
}
