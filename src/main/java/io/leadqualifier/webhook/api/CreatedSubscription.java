package io.leadqualifier.webhook.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.leadqualifier.webhook.WebhookEventType;
import io.leadqualifier.webhook.subscription.Subscription;
import io.leadqualifier.webhook.subscription.Subscriptions;

/** A subscription just made: the only answer that shows its secret. */
public record CreatedSubscription(String id, String url, List<String> eventTypes, Subscription.Status status, Instant createdAt,
        String createdBy,
        @Schema(description = "whsec_ and the base64 of 32 random bytes: the receiver's HMAC key is the decoded bytes. Shown once:"
                + " store it now", examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {

    static CreatedSubscription of(Subscriptions.Created created) {
        Subscription s = created.subscription();
        return new CreatedSubscription(s.id(), s.url(), s.eventTypes().stream().map(WebhookEventType::wireName).toList(), s.status(),
                s.createdAt(), s.createdBy(), created.secret());
    }

    @Override
    public String toString() {
        return "CreatedSubscription[" + id + ", " + url + ", " + eventTypes + "]";
    }
}
