package io.leadqualifier.broker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.audit.trail.PendingDecision;
import io.leadqualifier.audit.trail.TrailListener;
import io.leadqualifier.system.Jdbc;
import io.leadqualifier.webhook.outbox.EventRelay;

/**
 * Writes what the events exchange is to receive into {@code broker_message}, in the transaction of the change: each
 * decision the group writer records (routing key {@code decision.<STAGE>}, the decision as the API answers it) and
 * each lifecycle event the outbox is given (routing key its webhook type, {@code lead.stage_changed}…, the webhook
 * body). So a message exists if and only if its change was committed; {@link EventPublisher} publishes it afterwards.
 * One source of truth: the lifecycle's events are the webhook outbox's, relayed, not a second list.
 */
@ApplicationScoped
public class BrokerOutbox implements TrailListener, EventRelay {
    private static final String INSERT = """
            insert into broker_message (message_id, routing_key, lead_id, body, created_at) values (?, ?, ?, ?, ?)""";

    private final BrokerConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    BrokerOutbox(BrokerConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public boolean active() {
        return config.enabled();
    }

    @Override
    public void recorded(Connection connection, List<PendingDecision> recorded) throws SQLException {
        if (!config.enabled()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            OffsetDateTime now = Jdbc.utc(clock.instant());
            for (PendingDecision decision : recorded) {
                add(insert, decision.id(), "decision." + decision.stage(), decision.leadId(), body(decision), now);
            }
            insert.executeBatch();
        }
    }

    @Override
    public void relay(Connection connection, List<Relayed> events) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            OffsetDateTime now = Jdbc.utc(clock.instant());
            for (Relayed relayed : events) {
                add(insert, "evt_" + UUID.randomUUID().toString().replace("-", ""), relayed.event().type().wireName(),
                        relayed.event().leadId(), relayed.body(), now);
            }
            insert.executeBatch();
        }
    }

    private static void add(PreparedStatement insert, String messageId, String routingKey, String leadId, String body, OffsetDateTime now)
            throws SQLException {
        insert.setString(1, messageId);
        insert.setString(2, routingKey);
        insert.setString(3, leadId);
        insert.setString(4, body);
        insert.setObject(5, now);
        insert.addBatch();
    }

    private String body(PendingDecision decision) {
        try {
            return json.writeValueAsString(decision.decision().withInput(null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise decision " + decision.id(), e);
        }
    }
}
