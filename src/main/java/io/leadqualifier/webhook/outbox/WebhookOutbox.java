package io.leadqualifier.webhook.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.system.StoreDurability;
import io.leadqualifier.system.Jdbc;
import io.leadqualifier.webhook.WebhookEvent;
import io.leadqualifier.webhook.WebhookEventType;
import io.leadqualifier.webhook.WebhookProblem;
import io.leadqualifier.webhook.subscription.Subscription;
import io.leadqualifier.webhook.subscription.Subscriptions;

/**
 * Where features put the events receivers may want, in the transaction of the change that caused them: the events
 * are committed with the change or rolled back with it, and the delivery worker sends what was committed, at least
 * once, whatever restarts in between.
 *
 * <p>Events are fanned out here, one message row per event and subscription that wants it, rather than one row per
 * event fanned out at delivery time: each message then has its own attempts, backoff and status (one receiver down
 * does not hold up another), its body is fixed once and signed the same on every retry, and an event no one
 * subscribed to costs one read of the (small) subscription table and no write, which matters on the decision
 * group writer's path. The recipients are the subscriptions active when the events are appended; one made later does
 * not receive earlier events.
 */
@ApplicationScoped
public class WebhookOutbox {
    private static final String INSERT = """
            insert into webhook_message (id, subscription_id, event_type, lead_id, occurred_at, body, status, attempts,
                next_attempt_at, created_at)
            values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""";

    private final AgroalDataSource dataSource;
    private final StoreDurability durability;
    private final ObjectMapper json;
    private final Clock clock;
    private final List<EventRelay> relays;

    WebhookOutbox(AgroalDataSource dataSource, StoreDurability durability, ObjectMapper json, Clock clock, Instance<EventRelay> relays) {
        this.relays = relays.stream().toList();
        this.dataSource = dataSource;
        this.durability = durability;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Writes the events for every active subscription that wants them, through the caller's connection and inside
     * its transaction (the caller commits; nothing is sent before). For plain-JDBC writers such as the decision
     * group writer. Returns the number of messages written.
     */
    public int append(Connection connection, List<WebhookEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return 0;
        }
        relay(connection, events);
        List<Subscriptions.Target> targets = Subscriptions.active(connection);
        if (targets.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = Jdbc.utc(clock.instant());
        int written = 0;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (WebhookEvent event : events) {
                String body = null;
                for (Subscriptions.Target target : targets) {
                    if (target.eventTypes().contains(event.type())) {
                        body = body == null ? body(event) : body;
                        add(insert, target.id(), event, body, now);
                        written++;
                    }
                }
            }
            if (written > 0) {
                insert.executeBatch();
            }
        }
        return written;
    }

    private void relay(Connection connection, List<WebhookEvent> events) throws SQLException {
        List<EventRelay.Relayed> relayed = null;
        for (EventRelay relay : relays) {
            if (relay.active()) {
                relayed = relayed != null ? relayed : events.stream().map(event -> new EventRelay.Relayed(event, body(event))).toList();
                relay.relay(connection, relayed);
            }
        }
    }

    /**
     * Writes the events inside the caller's JTA transaction ({@code @Transactional}, Hibernate or Panache writers),
     * on the connection that transaction holds. Refused outside a transaction. Returns the number of messages written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int append(List<WebhookEvent> events) {
        try (Connection connection = dataSource.getConnection()) {
            return append(connection, events);
        } catch (SQLException e) {
            throw new PersistenceException("The webhook outbox could not be written: " + e.getMessage(), e);
        }
    }

    /** Enqueues a {@code webhook.test} ping for one active subscription, durably; returns its message id (the webhook-id). */
    public String ping(String subscriptionId) {
        Instant now = clock.instant();
        WebhookEvent event = new WebhookEvent(WebhookEventType.WEBHOOK_TEST, now, null, Map.of("subscriptionId", subscriptionId));
        return Jdbc.transaction(dataSource, durability, connection -> {
            Subscriptions.Recipient recipient = Subscriptions.recipients(connection, Set.of(subscriptionId)).get(subscriptionId);
            if (recipient == null || recipient.status() == Subscription.Status.DELETED) {
                throw WebhookProblem.notFound(subscriptionId);
            }
            if (recipient.status() != Subscription.Status.ACTIVE) {
                throw WebhookProblem.conflict("Webhook subscription " + subscriptionId + " is " + recipient.status()
                        + ": it receives nothing (make a new one)");
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                String id = add(insert, subscriptionId, event, body(event), Jdbc.utc(now));
                insert.executeBatch();
                return id;
            }
        });
    }

    private static String add(PreparedStatement insert, String subscriptionId, WebhookEvent event, String body, OffsetDateTime now)
            throws SQLException {
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        insert.setString(1, id);
        insert.setString(2, subscriptionId);
        insert.setString(3, event.type().wireName());
        insert.setString(4, event.leadId());
        insert.setObject(5, Jdbc.utc(event.occurredAt()));
        insert.setString(6, body);
        insert.setObject(7, now);
        insert.setObject(8, now);
        insert.addBatch();
        return id;
    }

    /** The message body, as Standard Webhooks has it: {@code {"type", "timestamp", "data"}}; {@code data} starts with the lead id. */
    String body(WebhookEvent event) {
        ObjectNode body = json.createObjectNode();
        body.put("type", event.type().wireName());
        body.put("timestamp", event.occurredAt().toString());
        ObjectNode data = body.putObject("data");
        if (event.leadId() != null) {
            data.put("leadId", event.leadId());
        }
        data.setAll((ObjectNode) json.valueToTree(event.data()));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The data of a " + event.type().wireName() + " event is not JSON-able: " + e.getMessage(), e);
        }
    }
}
