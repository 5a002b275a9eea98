package io.leadqualifier.webhook.api;

import java.time.Instant;
import java.util.List;

import io.leadqualifier.webhook.WebhookEventType;
import io.leadqualifier.webhook.subscription.Subscription;

/** A subscription as the API shows it: never its secret, only a hint of it. */
public record SubscriptionView(String id, String url, List<String> eventTypes, Subscription.Status status, Instant createdAt,
        String createdBy, String secretHint, Instant disabledAt, String disabledReason) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id(), s.url(), s.eventTypes().stream().map(WebhookEventType::wireName).toList(), s.status(),
                s.createdAt(), s.createdBy(), s.secretHint(), s.disabledAt(), s.disabledReason());
    }
}
