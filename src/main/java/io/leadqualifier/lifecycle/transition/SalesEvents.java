package io.leadqualifier.lifecycle.transition;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.handoff.reasons.ReasonEvent;
import io.leadqualifier.handoff.reasons.RejectionReasons;
import io.leadqualifier.handoff.reasons.SalesReason;
import io.leadqualifier.lifecycle.LeadStatus;
import io.leadqualifier.lifecycle.LifecycleProblem;
import io.leadqualifier.lifecycle.state.EventChain;
import io.leadqualifier.lifecycle.state.Handoff;
import io.leadqualifier.lifecycle.state.LeadState;
import io.leadqualifier.lifecycle.state.LifecycleEvent;
import io.leadqualifier.lifecycle.state.LifecycleStore;
import io.leadqualifier.lifecycle.state.Transition;
import io.leadqualifier.policy.activation.ActivePolicy;
import io.leadqualifier.system.Sha256;
import io.leadqualifier.system.StoreDurability;
import io.leadqualifier.webhook.WebhookEvent;
import io.leadqualifier.webhook.WebhookEventType;
import io.leadqualifier.webhook.outbox.WebhookOutbox;
import io.leadqualifier.system.Jdbc;

/**
 * Records what sales say about a lead, in one transaction with everything it changes: the event in the
 * lifecycle chain, the hand-off's clock, the lead's state, the transition and the webhook events. A repeat
 * with the same event id changes nothing and gets the first answer back. The answer leaves once the
 * change is durable.
 */
@ApplicationScoped
public class SalesEvents {
    /** How far in the future an event's time may be (clocks of CRMs drift). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final AgroalDataSource dataSource;
    private final StoreDurability durability;
    private final LifecycleStore store;
    private final EventChain chain;
    private final WebhookOutbox outbox;
    private final ActivePolicy policy;
    private final Clock clock;

    SalesEvents(AgroalDataSource dataSource, StoreDurability durability, LifecycleStore store, EventChain chain, WebhookOutbox outbox,
            ActivePolicy policy, Clock clock) {
        this.dataSource = dataSource;
        this.durability = durability;
        this.store = store;
        this.chain = chain;
        this.outbox = outbox;
        this.policy = policy;
        this.clock = clock;
    }

    /** An event as sales send it. */
    public record SalesEvent(String eventId, SalesEventType type, Instant at, String reason, String note) {
    }

    /** The event as recorded, and whether it was recorded before (a repeat). */
    public record Recorded(LifecycleEvent event, boolean repeated) {
    }

    public Recorded record(String leadId, SalesEvent event, String actor) {
        SalesEvent normalised = new SalesEvent(event.eventId(), event.type(), event.at().truncatedTo(ChronoUnit.MILLIS),
                event.reason() == null || event.reason().isBlank() ? null : event.reason().strip().toUpperCase(java.util.Locale.ROOT),
                event.note() == null || event.note().isBlank() ? null : event.note().strip());
        String requestHash = Sha256.hex(leadId + "\n" + normalised.type() + "\n" + normalised.at().toEpochMilli() + "\n"
                + normalised.reason() + "\n" + normalised.note());
        Instant now = clock.instant();
        if (normalised.at().isAfter(now.plus(CLOCK_SKEW))) {
            throw LifecycleProblem.invalid("at (" + normalised.at() + ") is in the future: the service's time is " + now.truncatedTo(ChronoUnit.SECONDS));
        }
        return Jdbc.transaction(dataSource, durability, connection -> record(connection, leadId, normalised, actor, requestHash, now));
    }

    private Recorded record(Connection connection, String leadId, SalesEvent event, String actor, String requestHash, Instant now)
            throws SQLException {
        // The lead's lock first, then the chain's: every lifecycle writer takes them in this order.
        LeadState state = store.state(connection, leadId, true).orElseThrow(() -> LifecycleProblem.unknownLead(leadId));
        Optional<EventChain.Stored> earlier = chain.find(connection, event.eventId());
        if (earlier.isPresent()) {
            if (requestHash.equals(earlier.get().requestHash())) {
                return new Recorded(earlier.get().event(), true);
            }
            throw LifecycleProblem.eventIdReused(event.eventId());
        }
        LeadStatus next = EventRules.next(leadId, state.status(), event.type());
        Handoff open = store.handoff(connection, state.handoffId()).filter(Handoff::isOpen).orElse(null);
        requireInOrder(connection, leadId, event, open);
        String reasonLabel = checkReason(event);

        String handoffId = open == null ? null : open.id();
        switch (event.type()) {
            case CONTACTED -> store.contacted(connection, handoffId, event.at());
            case ACCEPTED, MEETING_HELD -> {
                store.contacted(connection, handoffId, event.at());
                store.accepted(connection, handoffId, event.at());
            }
            case REJECTED, WON, LOST -> {
                if (open != null) {
                    store.close(connection, handoffId, event.at(), event.type().name());
                }
            }
        }
        LeadState after = switch (event.type()) {
            case REJECTED -> state.with(LeadStatus.MARKETING, Stage.LEAD, Route.NURTURE, null, event.at());
            case WON, LOST -> state.with(next, state.stage(), state.route(), null, event.at());
            default -> state.with(next, state.stage(), state.route(), state.handoffId(), event.at());
        };
        LifecycleEvent recorded = chain.append(connection, List.of(new EventChain.NewEvent(event.eventId(), leadId,
                event.type().eventType(), event.at(), event.reason(), event.note(), actor, handoffId, now.truncatedTo(ChronoUnit.MILLIS),
                requestHash))).get(0);
        List<WebhookEvent> notices = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventId", event.eventId());
        data.put("event", event.type().name());
        data.put("reason", event.reason());
        data.put("handoffId", handoffId);
        data.put("status", next.name());
        notices.add(new WebhookEvent(WebhookEventType.LEAD_SALES_EVENT, event.at(), leadId, data));
        if (after.status() != state.status() || after.stage() != state.stage()) {
            store.updateState(connection, after);
            store.insertTransitions(connection, List.of(new Transition(leadId, event.at(), state.status(), after.status(), state.stage(),
                    after.stage(), Transition.Cause.SALES_EVENT, null, event.eventId(), handoffId,
                    describe(event, reasonLabel, open))));
            if (after.stage() != state.stage()) {
                Map<String, Object> stage = new LinkedHashMap<>();
                stage.put("from", state.stage().name());
                stage.put("to", after.stage().name());
                stage.put("route", after.route().name());
                stage.put("eventId", event.eventId());
                notices.add(new WebhookEvent(WebhookEventType.LEAD_STAGE_CHANGED, event.at(), leadId, stage));
            }
        } else if (!after.changedAt().equals(state.changedAt())) {
            store.updateState(connection, after);
        }
        outbox.append(connection, notices);
        return new Recorded(recorded, false);
    }

    /** Sales events of a lead arrive in the order they happened, and none before the hand-off it is about. */
    private void requireInOrder(Connection connection, String leadId, SalesEvent event, Handoff open) throws SQLException {
        if (open != null && event.at().isBefore(open.openedAt()) && event.type() != SalesEventType.WON
                && event.type() != SalesEventType.LOST) {
            throw LifecycleProblem.outOfOrder(event.type() + " at " + event.at() + " is before the hand-off to " + open.queue()
                    + " it is about (opened at " + open.openedAt() + ")");
        }
        for (LifecycleEvent earlier : chain.events(connection, leadId)) {
            if (earlier.type().isSalesFeedback() && event.at().isBefore(earlier.at())) {
                throw LifecycleProblem.outOfOrder(event.type() + " at " + event.at() + " is before " + earlier.type() + " at "
                        + earlier.at() + " (event " + earlier.eventId() + "): send a lead's events in the order they happened");
            }
        }
    }

    /** The reason's label; a problem when REJECTED or LOST come without a reason from the policy's list. */
    private String checkReason(SalesEvent event) {
        ReasonEvent kind = event.type() == SalesEventType.REJECTED ? ReasonEvent.REJECTED
                : event.type() == SalesEventType.LOST ? ReasonEvent.LOST : null;
        if (kind == null) {
            if (event.reason() != null) {
                throw LifecycleProblem.invalid("reason is for REJECTED and LOST only, not " + event.type());
            }
            return null;
        }
        if (event.reason() == null) {
            throw LifecycleProblem.invalid(event.type() + " needs a reason" + listed(kind));
        }
        RejectionReasons reasons = policy.require().policy().handoffTables().rejectionReasons();
        if (reasons.forEvent(kind).isEmpty()) {
            return event.reason();
        }
        SalesReason reason = reasons.find(kind, event.reason()).orElseThrow(() -> LifecycleProblem.invalid(
                "'" + event.reason() + "' is not a " + kind + " reason of the policy" + listed(kind)));
        if (reason.requiresText() && event.note() == null) {
            throw LifecycleProblem.invalid("reason " + reason.code() + " (" + reason.label() + ") needs a note saying more");
        }
        return reason.label();
    }

    private String listed(ReasonEvent kind) {
        List<SalesReason> allowed = policy.current().map(serving -> serving.policy().handoffTables().rejectionReasons().forEvent(kind))
                .orElse(List.of());
        return allowed.isEmpty() ? "" : ": one of " + allowed.stream().map(SalesReason::code).toList();
    }

    private static String describe(SalesEvent event, String reasonLabel, Handoff open) {
        String about = open == null ? "" : " (hand-off to " + open.queue() + (open.assignee() == null ? "" : ", " + open.assignee()) + ")";
        return switch (event.type()) {
            case REJECTED -> "Rejected by sales" + about + ": " + reasonLabel + "; back to nurture";
            case WON -> "Won" + about;
            case LOST -> "Lost" + about + ": " + reasonLabel;
            case ACCEPTED -> "Accepted by sales" + about;
            case MEETING_HELD -> "Meeting held" + about;
            case CONTACTED -> "Contacted by sales" + about;
        };
    }
}
