package io.leadqualifier.webhook.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Another way out for the events features append to the outbox (the message broker): told of every batch of events,
 * with their message bodies, on the caller's connection and inside its transaction, whether or not any webhook
 * subscription wants them. What a relay writes commits or rolls back with the change, like the webhook messages.
 */
public interface EventRelay {
    /** Whether the relay wants events now (a relay that is switched off costs the outbox nothing). */
    boolean active();

    /**
     * @param events the events appended, each with the body a webhook message of it carries
     */
    void relay(Connection connection, List<Relayed> events) throws SQLException;

    /** An event and its body, {@code {"type", "timestamp", "data"}}. */
    record Relayed(io.leadqualifier.webhook.WebhookEvent event, String body) {
    }
}
