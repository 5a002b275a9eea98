package io.leadqualifier.lifecycle.transition;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadqualifier.audit.trail.PendingDecision;
import io.leadqualifier.audit.trail.TrailListener;
import io.leadqualifier.decision.DecisionView;
import io.leadqualifier.facts.Sla;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.lifecycle.LeadStatus;
import io.leadqualifier.lifecycle.state.Handoff;
import io.leadqualifier.lifecycle.state.LeadState;
import io.leadqualifier.lifecycle.state.LifecycleStore;
import io.leadqualifier.lifecycle.state.Transition;
import io.leadqualifier.webhook.WebhookEvent;
import io.leadqualifier.webhook.WebhookEventType;
import io.leadqualifier.webhook.outbox.WebhookOutbox;

/**
 * What a recorded decision does to its lead's lifecycle, in the decision's own transaction (the group
 * writer's): a first decision creates the lead's state; a decision with an SLA hands the lead to its queue,
 * unless a hand-off to that queue is already open (its clock keeps running); one for another queue closes
 * the open hand-off (superseded) and opens a new one. While sales own a lead, a decision without an SLA
 * does not take it back: only sales (rejected) or the sweep (recycled) do. A closed lead (won, lost) stays
 * closed. Every change is a transition with its cause, and a webhook event.
 */
@ApplicationScoped
public class DecisionTransitions implements TrailListener {
    private final LifecycleStore store;
    private final WebhookOutbox outbox;

    DecisionTransitions(LifecycleStore store, WebhookOutbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    @Override
    public void recorded(Connection connection, List<PendingDecision> recorded) throws SQLException {
        List<String> leadIds = recorded.stream().map(PendingDecision::leadId).toList();
        Map<String, LeadState> states = new LinkedHashMap<>(store.lockStates(connection, leadIds));
        Map<String, LeadState> created = new LinkedHashMap<>();
        Map<String, LeadState> changed = new LinkedHashMap<>();
        List<Transition> transitions = new ArrayList<>();
        List<WebhookEvent> notices = new ArrayList<>();
        for (PendingDecision pending : recorded) {
            DecisionView decision = pending.decision();
            LeadState before = states.get(pending.leadId());
            LeadState after = apply(connection, before, pending, decision, transitions, notices);
            if (after != before) {
                states.put(after.leadId(), after);
                if (before == null || created.containsKey(after.leadId())) {
                    created.put(after.leadId(), after);
                } else {
                    changed.put(after.leadId(), after);
                }
            }
        }
        for (LeadState state : created.values()) {
            store.insertState(connection, state);
        }
        for (LeadState state : changed.values()) {
            store.updateState(connection, state);
        }
        store.insertTransitions(connection, transitions);
        outbox.append(connection, notices);
    }

    private LeadState apply(Connection connection, LeadState before, PendingDecision pending, DecisionView decision,
            List<Transition> transitions, List<WebhookEvent> notices) throws SQLException {
        Sla sla = decision.sla();
        String source = pending.input().source().kind() == null ? null : pending.input().source().kind().name();
        if (before == null) {
            LeadState fresh = new LeadState(decision.leadId(), LeadStatus.MARKETING, decision.stage(), decision.route(), source, null, 0,
                    decision.asOf(), decision.asOf());
            if (sla != null) {
                return handOff(connection, fresh, true, null, decision, transitions, notices);
            }
            transitions.add(new Transition(decision.leadId(), decision.asOf(), null, LeadStatus.MARKETING, null, decision.stage(),
                    Transition.Cause.DECISION, decision.decisionId().toString(), null, null,
                    "First decision: " + decision.stage() + ", route " + decision.route()));
            notices.add(stageChanged(decision, null));
            return fresh;
        }
        if (before.status().isClosed()) {
            return before;
        }
        if (sla != null) {
            Handoff open = store.handoff(connection, before.handoffId()).filter(Handoff::isOpen).orElse(null);
            if (open != null && open.queue().equals(sla.owner())) {
                return stageOnly(before, decision, transitions, notices);
            }
            if (open != null) {
                store.close(connection, open.id(), decision.asOf(), "SUPERSEDED");
            }
            return handOff(connection, before, false, open, decision, transitions, notices);
        }
        if (before.status().isWithSales()) {
            return before;
        }
        if (before.stage() == decision.stage() && before.route() == decision.route()) {
            return before;
        }
        return stageOnly(before, decision, transitions, notices);
    }

    /** The decision changes the stage (or route) and nothing else. */
    private static LeadState stageOnly(LeadState before, DecisionView decision, List<Transition> transitions, List<WebhookEvent> notices) {
        if (before.stage() == decision.stage() && before.route() == decision.route()) {
            return before;
        }
        LeadState after = before.with(before.status(), decision.stage(), before.status().isWithSales() ? before.route() : decision.route(),
                before.handoffId(), decision.asOf());
        transitions.add(new Transition(before.leadId(), decision.asOf(), before.status(), after.status(), before.stage(), decision.stage(),
                Transition.Cause.DECISION, decision.decisionId().toString(), null, before.handoffId(),
                "Stage " + before.stage() + " → " + decision.stage()));
        if (before.stage() != decision.stage()) {
            notices.add(stageChanged(decision, before.stage()));
        }
        return after;
    }

    /** @param first the lead's first decision: {@code before} is the state it creates, not one it had */
    private LeadState handOff(Connection connection, LeadState before, boolean first, Handoff superseded, DecisionView decision,
            List<Transition> transitions, List<WebhookEvent> notices) throws SQLException {
        Sla sla = decision.sla();
        String id = decision.decisionId().toString();
        store.insertHandoff(connection, new Handoff(id, decision.leadId(), decision.stage(), sla.owner(), sla.assignee(), sla.turn(),
                decision.asOf(), sla.respondBy(), sla.escalateTo(), sla.recycleAt(), sla.calendar(), null, null, null, null, null));
        LeadState after = before.with(LeadStatus.HANDED_OFF, decision.stage(), decision.route(), id, decision.asOf());
        String detail = "Handed off to " + sla.owner() + (sla.assignee() == null ? "" : " (" + sla.assignee() + ")") + ", respond by "
                + sla.respondBy() + (superseded == null ? "" : "; the hand-off to " + superseded.queue() + " is superseded");
        transitions.add(new Transition(decision.leadId(), decision.asOf(), first ? null : before.status(), LeadStatus.HANDED_OFF,
                first ? null : before.stage(), decision.stage(), Transition.Cause.DECISION, id, null, id, detail));
        if (first || before.stage() != decision.stage()) {
            notices.add(stageChanged(decision, first ? null : before.stage()));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("decisionId", id);
        data.put("stage", decision.stage().name());
        data.put("queue", sla.owner());
        data.put("assignee", sla.assignee());
        data.put("respondBy", sla.respondBy());
        data.put("escalateTo", sla.escalateTo());
        data.put("recycleAt", sla.recycleAt());
        notices.add(new WebhookEvent(WebhookEventType.LEAD_HANDED_OFF, decision.asOf(), decision.leadId(), data));
        return after;
    }

    private static WebhookEvent stageChanged(DecisionView decision, Stage from) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("decisionId", decision.decisionId().toString());
        data.put("from", from == null ? null : from.name());
        data.put("to", decision.stage().name());
        data.put("route", decision.route().name());
        data.put("temperature", decision.temperature().name());
        data.put("total", decision.score().total());
        return new WebhookEvent(WebhookEventType.LEAD_STAGE_CHANGED, decision.asOf(), decision.leadId(), data);
    }
}
