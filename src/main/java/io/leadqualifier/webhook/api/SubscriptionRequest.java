package io.leadqualifier.webhook.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new subscription: where to send, and which events. */
public record SubscriptionRequest(
        @Schema(description = "http or https; its host must not resolve to a link-local or cloud metadata address",
                examples = "https://crm.example.com/hooks/lead-qualifier")
        @NotBlank(message = "is required") @Size(max = 2048, message = "must be at most 2048 characters") String url,
        @Schema(description = "lead.stage_changed, lead.handed_off, sla.breached, sla.escalated, lead.recycled, lead.sales_event",
                examples = "[\"lead.stage_changed\", \"sla.breached\"]")
        @NotNull(message = "is required") @Size(min = 1, max = 16, message = "must name 1 to 16 event types")
        List<@NotBlank(message = "must be an event type") @Size(max = 64, message = "must be an event type") String> eventTypes) {
}
