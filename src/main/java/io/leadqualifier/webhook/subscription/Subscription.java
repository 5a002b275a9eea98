package io.leadqualifier.webhook.subscription;

import java.time.Instant;
import java.util.List;

import io.leadqualifier.webhook.WebhookEventType;

/** A receiver of webhooks as stored, without its secret: only a hint of it ({@code whsec_…XyZ=}). */
public record Subscription(String id, String url, List<WebhookEventType> eventTypes, Status status, Instant createdAt,
        String createdBy, String secretHint, Instant disabledAt, String disabledReason) {

    /** ACTIVE receives; DISABLED answered 410 Gone and receives nothing more; DELETED is gone from the API. */
    public enum Status {
        ACTIVE, DISABLED, DELETED
    }
}
