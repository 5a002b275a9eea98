package io.leadqualifier.lifecycle.state;

import java.time.Instant;

import io.leadqualifier.facts.Stage;
import io.leadqualifier.lifecycle.LeadStatus;

/**
 * One change of a lead's state and why.
 *
 * @param at     business time: the decision's asOf, the event's at, the sweep's instant
 * @param cause  DECISION, SALES_EVENT, BREACH or RECYCLE
 * @param detail a sentence for a human
 */
public record Transition(String leadId, Instant at, LeadStatus fromStatus, LeadStatus toStatus, Stage fromStage, Stage toStage,
        Cause cause, String decisionId, String eventId, String handoffId, String detail) {

    /** What made the state change. */
    public enum Cause { DECISION, SALES_EVENT, BREACH, RECYCLE }
}
