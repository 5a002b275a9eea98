package io.leadqualifier.webhook;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something a receiver may want to know, as the feature that caused it describes it. {@code occurredAt} is the
 * event's own time, from the caller (the decision's {@code asOf}, the sales event's {@code at}): it becomes the
 * {@code timestamp} of the message body. {@code data} is any JSON-able map (strings, numbers, booleans, instants,
 * lists, maps, records); the message's {@code data} is {@code leadId} followed by it.
 */
public record WebhookEvent(WebhookEventType type, Instant occurredAt, String leadId, Map<String, Object> data) {

    public WebhookEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
