package io.leadqualifier.lifecycle.sla;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.lifecycle.LeadStatus;
import io.leadqualifier.lifecycle.state.EventChain;
import io.leadqualifier.lifecycle.state.EventType;
import io.leadqualifier.lifecycle.state.Handoff;
import io.leadqualifier.lifecycle.state.LeadState;
import io.leadqualifier.lifecycle.state.LifecycleStore;
import io.leadqualifier.lifecycle.state.Transition;
import io.leadqualifier.system.ClusteredJob;
import io.leadqualifier.system.Jdbc;
import io.leadqualifier.system.StoreDurability;
import io.leadqualifier.webhook.WebhookEvent;
import io.leadqualifier.webhook.WebhookEventType;
import io.leadqualifier.webhook.outbox.WebhookOutbox;

/**
 * Enforces the hand-off SLA: a hand-off past respondBy with no contact is breached (recorded once, and
 * escalated to its escalateTo); one past recycleAt that sales did not accept goes back to nurture
 * (recycled). Works in batches, each one transaction with its events, transitions and webhook events, and
 * one flush. Safe to run from several places at once (the schedule, {@code POST /api/v1/sla/sweep}, other
 * instances): each change is a conditional update under the lead's lock, so a breach or a recycle is
 * recorded exactly once whoever finds it first.
 */
@ApplicationScoped
public class SlaSweep implements ClusteredJob {
    private static final Logger LOG = Logger.getLogger(SlaSweep.class);
    static final String ACTOR = "sla sweep";
    private static final int BATCH = 500;

    private final AgroalDataSource dataSource;
    private final StoreDurability durability;
    private final LifecycleStore store;
    private final EventChain chain;
    private final WebhookOutbox outbox;
    private final Clock clock;
    private final Optional<Duration> every;

    SlaSweep(AgroalDataSource dataSource, StoreDurability durability, LifecycleStore store, EventChain chain, WebhookOutbox outbox,
            Clock clock, @ConfigProperty(name = "lead-qualifier.sla.sweep-every") String every) {
        this.every = ClusteredJob.period(every);
        this.dataSource = dataSource;
        this.durability = durability;
        this.store = store;
        this.chain = chain;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What one sweep did. */
    public record Report(Instant at, int breached, int escalated, int recycled, long tookMillis) {
    }

    @Override
    public String identity() {
        return "sla-sweep";
    }

    @Override
    public Optional<Duration> every() {
        return every;
    }

    /** The scheduled sweep: on one instance of the cluster at a time (ClusteredJobs). */
    @Override
    public void run() {
        Report report = sweep();
        if (report.breached() + report.recycled() > 0) {
            LOG.infof("SLA sweep: %d breached (%d escalated), %d recycled in %d ms", report.breached(), report.escalated(),
                    report.recycled(), report.tookMillis());
        }
    }

    /** Breaches and recycles everything due at the clock's now. */
    public Report sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long started = System.nanoTime();
        int breached = 0;
        int escalated = 0;
        int recycled = 0;
        while (true) {
            List<Handoff> due = Jdbc.read(dataSource, connection -> due(connection, "contacted_at is null and breached_at is null and respond_by <= ?", now));
            if (due.isEmpty()) {
                break;
            }
            int[] batch = Jdbc.transaction(dataSource, durability, connection -> breach(connection, due, now));
            breached += batch[0];
            escalated += batch[1];
        }
        while (true) {
            List<Handoff> due = Jdbc.read(dataSource, connection -> due(connection, "accepted_at is null and recycle_at <= ?", now));
            if (due.isEmpty()) {
                break;
            }
            recycled += Jdbc.transaction(dataSource, durability, connection -> recycle(connection, due, now));
        }
        return new Report(now, breached, escalated, recycled, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Open hand-offs meeting the condition, a batch of them, in lead order (the order their leads are locked in). */
    private static List<Handoff> due(Connection connection, String condition, Instant now) throws SQLException {
        List<Handoff> due = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + LifecycleStore.HANDOFF_COLUMNS
                + " from handoff where closed_at is null and " + condition + " order by lead_id, id")) {
            Jdbc.setInstant(select, 1, now);
            select.setMaxRows(BATCH);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(LifecycleStore.handoff(rows));
                }
            }
        }
        return due;
    }

    /** Records each breach once: the event, the escalation, a transition, the webhook events. */
    private int[] breach(Connection connection, List<Handoff> due, Instant now) throws SQLException {
        Map<String, LeadState> states = store.lockStates(connection, due.stream().map(Handoff::leadId).toList());
        List<EventChain.NewEvent> events = new ArrayList<>();
        List<Transition> transitions = new ArrayList<>();
        List<WebhookEvent> notices = new ArrayList<>();
        int breached = 0;
        int escalated = 0;
        for (Handoff handoff : due) {
            // Conditional: a breach another sweep recorded, or a contact that came in meanwhile, is left alone.
            if (!store.breached(connection, handoff.id(), now)) {
                continue;
            }
            LeadState state = states.get(handoff.leadId());
            breached++;
            String owner = handoff.queue() + (handoff.assignee() == null ? "" : " (" + handoff.assignee() + ")");
            events.add(event(handoff, EventType.SLA_BREACHED, handoff.respondBy(), handoff.queue(), now));
            Map<String, Object> data = data(handoff);
            notices.add(new WebhookEvent(WebhookEventType.SLA_BREACHED, handoff.respondBy(), handoff.leadId(), data));
            String detail = "SLA breached: " + owner + " did not respond by " + handoff.respondBy();
            if (handoff.escalateTo() != null) {
                escalated++;
                events.add(event(handoff, EventType.ESCALATED, handoff.respondBy(), handoff.escalateTo(), now));
                notices.add(new WebhookEvent(WebhookEventType.SLA_ESCALATED, handoff.respondBy(), handoff.leadId(), data));
                detail += "; escalated to " + handoff.escalateTo();
            }
            transitions.add(new Transition(handoff.leadId(), handoff.respondBy(), state.status(), state.status(), state.stage(),
                    state.stage(), Transition.Cause.BREACH, null, null, handoff.id(), detail));
        }
        chain.append(connection, events);
        store.insertTransitions(connection, transitions);
        outbox.append(connection, notices);
        return new int[] {breached, escalated};
    }

    /** Sends each lead back to nurture once: closes the hand-off, counts the recycle. */
    private int recycle(Connection connection, List<Handoff> due, Instant now) throws SQLException {
        Map<String, LeadState> states = store.lockStates(connection, due.stream().map(Handoff::leadId).toList());
        List<EventChain.NewEvent> events = new ArrayList<>();
        List<Transition> transitions = new ArrayList<>();
        List<WebhookEvent> notices = new ArrayList<>();
        int recycled = 0;
        for (Handoff handoff : due) {
            if (!store.close(connection, handoff.id(), now, "RECYCLED")) {
                continue;
            }
            LeadState state = states.get(handoff.leadId());
            recycled++;
            events.add(event(handoff, EventType.RECYCLED, handoff.recycleAt(), null, now));
            if (state.handoffId() != null && state.handoffId().equals(handoff.id())) {
                LeadState after = state.with(LeadStatus.MARKETING, Stage.LEAD, Route.NURTURE, null, handoff.recycleAt()).recycled();
                states.put(after.leadId(), after);
                store.updateState(connection, after);
                transitions.add(new Transition(handoff.leadId(), handoff.recycleAt(), state.status(), LeadStatus.MARKETING, state.stage(),
                        Stage.LEAD, Transition.Cause.RECYCLE, null, null, handoff.id(), "Recycled: " + handoff.queue()
                                + " made no progress by " + handoff.recycleAt() + "; back to nurture"));
                Map<String, Object> data = data(handoff);
                data.put("recycleCount", after.recycleCount());
                notices.add(new WebhookEvent(WebhookEventType.LEAD_RECYCLED, handoff.recycleAt(), handoff.leadId(), data));
                if (state.stage() != Stage.LEAD) {
                    Map<String, Object> stage = new LinkedHashMap<>();
                    stage.put("from", state.stage().name());
                    stage.put("to", Stage.LEAD.name());
                    stage.put("route", Route.NURTURE.name());
                    notices.add(new WebhookEvent(WebhookEventType.LEAD_STAGE_CHANGED, handoff.recycleAt(), handoff.leadId(), stage));
                }
            }
        }
        chain.append(connection, events);
        store.insertTransitions(connection, transitions);
        outbox.append(connection, notices);
        return recycled;
    }

    private static EventChain.NewEvent event(Handoff handoff, EventType type, Instant at, String reason, Instant now) {
        // The sweep's events are named by what they are about, so that finding them twice is impossible by construction.
        return new EventChain.NewEvent(type.name().toLowerCase(java.util.Locale.ROOT) + ":" + handoff.id(), handoff.leadId(), type, at,
                reason, null, ACTOR, handoff.id(), now, null);
    }

    private static Map<String, Object> data(Handoff handoff) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("handoffId", handoff.id());
        data.put("stage", handoff.stage().name());
        data.put("queue", handoff.queue());
        data.put("assignee", handoff.assignee());
        data.put("respondBy", handoff.respondBy());
        data.put("escalateTo", handoff.escalateTo());
        data.put("recycleAt", handoff.recycleAt());
        return data;
    }
}
