package io.leadqualifier.lifecycle.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.lifecycle.LifecycleProblem;
import io.leadqualifier.lifecycle.state.EventChain;
import io.leadqualifier.lifecycle.state.Handoff;
import io.leadqualifier.lifecycle.state.LeadState;
import io.leadqualifier.lifecycle.state.LifecycleStore;
import io.leadqualifier.system.Jdbc;

/** Reads one lead's lifecycle for the API. */
@ApplicationScoped
class LeadLifecycles {
    private final AgroalDataSource dataSource;
    private final LifecycleStore store;
    private final EventChain chain;

    LeadLifecycles(AgroalDataSource dataSource, LifecycleStore store, EventChain chain) {
        this.dataSource = dataSource;
        this.store = store;
        this.chain = chain;
    }

    LeadView view(String leadId) {
        return Jdbc.read(dataSource, connection -> {
            LeadState state = store.state(connection, leadId, false).orElseThrow(() -> LifecycleProblem.unknownLead(leadId));
            List<Handoff> handoffs = store.handoffs(connection, leadId);
            Handoff open = handoffs.stream().filter(h -> h.id().equals(state.handoffId()) && h.isOpen()).findFirst().orElse(null);
            return new LeadView(state.leadId(), state.status(), state.stage(), state.route(), state.source(), state.recycleCount(),
                    state.firstSeenAt(), state.changedAt(), open, handoffs, store.transitions(connection, leadId),
                    chain.events(connection, leadId));
        });
    }
}
