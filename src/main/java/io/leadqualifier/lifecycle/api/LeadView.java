package io.leadqualifier.lifecycle.api;

import java.time.Instant;
import java.util.List;

import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.lifecycle.LeadStatus;
import io.leadqualifier.lifecycle.state.Handoff;
import io.leadqualifier.lifecycle.state.LifecycleEvent;
import io.leadqualifier.lifecycle.state.Transition;

/**
 * A lead's lifecycle (contract: {@code GET /api/v1/leads/{leadId}}).
 *
 * @param handoff     the open hand-off, null when the lead is with marketing or closed
 * @param handoffs    every hand-off, oldest first
 * @param transitions every change of status or stage, with its cause
 * @param events      sales feedback and what the SLA sweep did, in the order recorded
 */
public record LeadView(String leadId, LeadStatus status, Stage stage, Route route, String source, int recycleCount, Instant firstSeenAt,
        Instant changedAt, Handoff handoff, List<Handoff> handoffs, List<Transition> transitions, List<LifecycleEvent> events) {
}
