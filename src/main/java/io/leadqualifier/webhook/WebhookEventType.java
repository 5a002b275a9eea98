package io.leadqualifier.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The events a receiver can subscribe to, by the name they have on the wire ({@code type} of a message body). */
public enum WebhookEventType {
    LEAD_STAGE_CHANGED("lead.stage_changed"),
    LEAD_HANDED_OFF("lead.handed_off"),
    SLA_BREACHED("sla.breached"),
    SLA_ESCALATED("sla.escalated"),
    LEAD_RECYCLED("lead.recycled"),
    LEAD_SALES_EVENT("lead.sales_event"),
    /** A ping an administrator asks for ({@code POST /api/v1/webhooks/{id}/test}); sent to one subscription, never subscribed to. */
    WEBHOOK_TEST("webhook.test");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Whether a subscription may ask for it. */
    public boolean subscribable() {
        return this != WEBHOOK_TEST;
    }

    public static Optional<WebhookEventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    /** The wire names a subscription may ask for. */
    public static List<String> subscribableNames() {
        return Arrays.stream(values()).filter(WebhookEventType::subscribable).map(WebhookEventType::wireName).toList();
    }
}
