package io.leadqualifier.lifecycle.api;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.leadqualifier.decision.PlausibleInstant;
import io.leadqualifier.lifecycle.transition.SalesEventType;

/**
 * An event sales send about a lead (contract: {@code POST /api/v1/leads/{leadId}/events}).
 *
 * @param eventId the sender's id for the event: a repeat with the same id and content is recorded once
 * @param at      when it happened (not when it is sent)
 * @param reason  a code of the policy's sales reasons: required for REJECTED and LOST, refused otherwise
 * @param note    free text; required when the reason asks for it (OTHER)
 */
public record SalesEventRequest(
        @NotNull(message = "is required") @Pattern(regexp = "[\\x21-\\x7E]{1,128}", message = "must be 1 to 128 visible ASCII characters")
        String eventId,
        @NotNull(message = "is required") SalesEventType type,
        @NotNull(message = "is required") @PlausibleInstant Instant at,
        @Size(max = 64) String reason,
        @Size(max = 2000) String note) {
}
