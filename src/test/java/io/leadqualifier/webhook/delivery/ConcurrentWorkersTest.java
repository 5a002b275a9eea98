package io.leadqualifier.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.webhook.WebhookApi;
import io.leadqualifier.webhook.WebhookConfig;
import io.leadqualifier.webhook.WebhookEvent;
import io.leadqualifier.webhook.WebhookEventType;
import io.leadqualifier.webhook.WebhookProfile;
import io.leadqualifier.webhook.WebhookReceiver;
import io.leadqualifier.webhook.outbox.WebhookOutbox;
import io.leadqualifier.webhook.subscription.EndpointGuard;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Several instances' workers on one database: each attempt is claimed, sent and recorded by exactly one of them. */
@QuarkusTest
@TestProfile(WebhookProfile.class)
class ConcurrentWorkersTest {
    private static final int MESSAGES = 60;
    private final WebhookApi api = new WebhookApi();
    @Inject
    MessageClaims claims;
    @Inject
    EndpointGuard guard;
    @Inject
    WebhookSender sender;
    @Inject
    Clock clock;
    @Inject
    WebhookConfig config;
    @Inject
    WebhookOutbox outbox;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    @AfterEach
    void deleteSubscriptions() {
        api.deleteAll();
    }

    @Test
    void workersOfSeveralInstancesNeverSendTheSameAttemptTwice() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(clock)) {
            WebhookApi.Subscribed subscribed = api.subscribe(receiver.url(), "lead.stage_changed");
            receiver.trust(subscribed.secret());
            List<WebhookEvent> events = IntStream.rangeClosed(1, MESSAGES).mapToObj(n -> new WebhookEvent(
                    WebhookEventType.LEAD_STAGE_CHANGED, Instant.parse("2026-11-22T10:00:00Z"), "crm-" + n, Map.of("to", "MQL"))).toList();

            // Three more instances' workers, each polling as fast as it can, beside this service's own scheduled one.
            List<WebhookDispatcher> workers = List.of(worker(), worker(), worker());
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService polling = Executors.newFixedThreadPool(workers.size());
            workers.forEach(worker -> polling.execute(() -> {
                while (running.get()) {
                    worker.deliverDue();
                }
            }));
            try {
                assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.append(events))).isEqualTo(MESSAGES);
                await().atMost(Duration.ofSeconds(60)).until(() -> delivered(subscribed.id()) == MESSAGES);
            } finally {
                running.set(false);
                polling.shutdown();
                for (WebhookDispatcher worker : workers) {
                    worker.stop();
                }
            }

            Map<String, Long> sends = receiver.received().stream()
                    .collect(Collectors.groupingBy(WebhookReceiver.Received::id, Collectors.counting()));
            assertThat(sends).hasSize(MESSAGES);
            assertThat(sends.values()).as("sends per message").containsOnly(1L);
            assertThat(receiver.received()).allMatch(WebhookReceiver.Received::verified);
            assertThat(attemptsRecorded(subscribed.id())).isEqualTo(MESSAGES);
        }
    }

    private WebhookDispatcher worker() {
        return new WebhookDispatcher(claims, guard, sender, clock, config);
    }

    private long delivered(String subscriptionId) throws Exception {
        return count("select count(*) from webhook_message where subscription_id = ? and status = 'DELIVERED'", subscriptionId);
    }

    private long attemptsRecorded(String subscriptionId) throws Exception {
        return count("select count(*) from webhook_attempt a join webhook_message m on m.id = a.message_id where m.subscription_id = ?",
                subscriptionId);
    }

    private long count(String sql, String subscriptionId) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, subscriptionId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
