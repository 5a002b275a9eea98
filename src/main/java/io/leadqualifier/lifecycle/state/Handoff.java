package io.leadqualifier.lifecycle.state;

import java.time.Instant;

import io.leadqualifier.facts.Stage;

/**
 * A hand-off to a sales queue and its SLA clock, named by the decision that opened it.
 *
 * @param turn        the hand-off's number in its queue (round robin); null without a roster
 * @param breachedAt  when the sweep found it past respondBy with no contact
 * @param closeReason REJECTED, RECYCLED, WON, LOST or SUPERSEDED; null while open
 */
public record Handoff(String id, String leadId, Stage stage, String queue, String assignee, Long turn, Instant openedAt,
        Instant respondBy, String escalateTo, Instant recycleAt, String calendar, Instant contactedAt, Instant acceptedAt,
        Instant breachedAt, Instant closedAt, String closeReason) {

    public boolean isOpen() {
        return closedAt == null;
    }
}
