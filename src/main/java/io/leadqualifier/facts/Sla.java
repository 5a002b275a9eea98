package io.leadqualifier.facts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The hand-off deadline: who must respond by when, who is alerted when they do not, when the lead is recycled.
 *
 * @param owner    the queue the policy hands the lead to
 * @param assignee the member of the queue's roster the hand-off is assigned to; null without a roster
 * @param turn     the hand-off's number in its queue, from which the weighted round robin picks the assignee
 *                 (null when the decision keeps a hand-off already open in the same queue)
 * @param calendar the business calendar {@code respondBy} and {@code recycleAt} count in; null for wall-clock hours
 */
public record Sla(String owner, Instant respondBy, String escalateTo, Instant recycleAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String assignee,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long turn,
        @JsonInclude(JsonInclude.Include.NON_NULL) String calendar) {

    /** Terms on wall-clock hours, not yet assigned. */
    public Sla(String owner, Instant respondBy, String escalateTo, Instant recycleAt) {
        this(owner, respondBy, escalateTo, recycleAt, null, null, null);
    }

    /** These terms, assigned to a member of the queue. */
    public Sla assignedTo(String member, Long queueTurn) {
        return new Sla(owner, respondBy, escalateTo, recycleAt, member, queueTurn, calendar);
    }
}
