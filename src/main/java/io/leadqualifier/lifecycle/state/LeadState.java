package io.leadqualifier.lifecycle.state;

import java.time.Instant;

import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.lifecycle.LeadStatus;

/**
 * A lead's current state.
 *
 * @param handoffId  the open hand-off (the decision that opened it); null when none is open
 * @param source     the source kind of the lead's first decision
 * @param changedAt  business time of the last change
 */
public record LeadState(String leadId, LeadStatus status, Stage stage, Route route, String source, String handoffId,
        int recycleCount, Instant firstSeenAt, Instant changedAt) {

    public LeadState with(LeadStatus newStatus, Stage newStage, Route newRoute, String newHandoffId, Instant at) {
        return new LeadState(leadId, newStatus, newStage, newRoute, source, newHandoffId, recycleCount, firstSeenAt,
                at.isAfter(changedAt) ? at : changedAt);
    }

    public LeadState recycled() {
        return new LeadState(leadId, status, stage, route, source, handoffId, recycleCount + 1, firstSeenAt, changedAt);
    }
}
