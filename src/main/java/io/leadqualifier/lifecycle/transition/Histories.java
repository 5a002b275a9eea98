package io.leadqualifier.lifecycle.transition;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.handoff.reasons.RejectionReasons;
import io.leadqualifier.lifecycle.state.EventChain;
import io.leadqualifier.lifecycle.state.EventType;
import io.leadqualifier.lifecycle.state.Handoff;
import io.leadqualifier.lifecycle.state.LeadState;
import io.leadqualifier.lifecycle.state.LifecycleEvent;
import io.leadqualifier.lifecycle.state.LifecycleStore;
import io.leadqualifier.system.Jdbc;

/**
 * A lead's lifecycle as the rules see it at asOf: its status, the open hand-off, and what its events up to
 * asOf say (last rejection and why, recycles, close). Recorded with the decision's input, so that replay
 * and explanation evaluate exactly what the rules saw, whatever happened to the lead since.
 */
@ApplicationScoped
public class Histories {
    private final AgroalDataSource dataSource;
    private final LifecycleStore store;
    private final EventChain chain;

    Histories(AgroalDataSource dataSource, LifecycleStore store, EventChain chain) {
        this.dataSource = dataSource;
        this.store = store;
        this.chain = chain;
    }

    /**
     * The lead's history at asOf; null for a lead the service has never seen (its decision is then exactly as before).
     *
     * @param reasons the serving policy's reasons: a rejection holds the lead for its reason's hold
     */
    public QualifyRequest.History at(String leadId, Instant asOf, RejectionReasons reasons) {
        return Jdbc.read(dataSource, connection -> {
            Optional<LeadState> found = store.state(connection, leadId, false);
            if (found.isEmpty()) {
                return null;
            }
            LeadState state = found.get();
            Handoff open = store.handoff(connection, state.handoffId())
                    .filter(handoff -> handoff.isOpen() && !handoff.openedAt().isAfter(asOf)).orElse(null);
            Instant lastRejectedAt = null;
            String lastRejectionReason = null;
            int recycles = 0;
            Instant lastRecycledAt = null;
            String closedAs = null;
            for (LifecycleEvent event : chain.events(connection, leadId)) {
                if (event.at().isAfter(asOf)) {
                    continue;
                }
                if (event.type() == EventType.REJECTED) {
                    lastRejectedAt = event.at();
                    lastRejectionReason = event.reason();
                } else if (event.type() == EventType.RECYCLED) {
                    recycles++;
                    lastRecycledAt = event.at();
                } else if (event.type() == EventType.WON || event.type() == EventType.LOST) {
                    closedAs = event.type().name();
                }
            }
            Instant contactedAt = open == null || open.contactedAt() == null || open.contactedAt().isAfter(asOf) ? null : open.contactedAt();
            return new QualifyRequest.History(state.status().name(), state.stage(), open == null ? null : open.queue(),
                    open == null ? null : open.assignee(), open == null ? null : open.openedAt(), contactedAt, lastRejectedAt,
                    lastRejectionReason, reasons.heldUntil(lastRejectedAt, lastRejectionReason), recycles, lastRecycledAt, closedAs);
        });
    }
}
