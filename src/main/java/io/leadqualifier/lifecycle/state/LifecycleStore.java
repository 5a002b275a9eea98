package io.leadqualifier.lifecycle.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.lifecycle.LeadStatus;
import io.leadqualifier.system.Jdbc;

/**
 * The lifecycle tables, read and written inside the caller's transaction. Lead rows are locked in lead-id
 * order, and before the event chain's head, by every writer (the decision writer, sales events, the sweep),
 * so that they never wait for each other in a circle.
 */
@ApplicationScoped
public class LifecycleStore {
    private static final int IN_LIST = 500;
    private static final String STATE_COLUMNS = "lead_id, status, stage, route, source, handoff_id, recycle_count, first_seen_at, changed_at";
    public static final String HANDOFF_COLUMNS = "id, lead_id, stage, queue, assignee, turn, opened_at, respond_by, escalate_to, "
            + "recycle_at, calendar, contacted_at, accepted_at, breached_at, closed_at, close_reason";

    /** The states of these leads (those that have one), locked until the transaction ends. */
    public Map<String, LeadState> lockStates(Connection connection, Collection<String> leadIds) throws SQLException {
        List<String> sorted = new ArrayList<>(new TreeSet<>(leadIds));
        Map<String, LeadState> states = new HashMap<>();
        for (int from = 0; from < sorted.size(); from += IN_LIST) {
            List<String> slice = sorted.subList(from, Math.min(sorted.size(), from + IN_LIST));
            String marks = String.join(", ", Collections.nCopies(slice.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement("select " + STATE_COLUMNS + " from lead_state where lead_id in ("
                    + marks + ") order by lead_id for update")) {
                for (int i = 0; i < slice.size(); i++) {
                    select.setString(i + 1, slice.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        LeadState state = state(rows);
                        states.put(state.leadId(), state);
                    }
                }
            }
        }
        return states;
    }

    public Optional<LeadState> state(Connection connection, String leadId, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + STATE_COLUMNS + " from lead_state where lead_id = ?"
                + (lock ? " for update" : ""))) {
            select.setString(1, leadId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(state(rows)) : Optional.empty();
            }
        }
    }

    public void insertState(Connection connection, LeadState state) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into lead_state (" + STATE_COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, state.leadId());
            insert.setString(2, state.status().name());
            insert.setString(3, state.stage().name());
            insert.setString(4, state.route().name());
            insert.setString(5, state.source());
            insert.setString(6, state.handoffId());
            insert.setInt(7, state.recycleCount());
            Jdbc.setInstant(insert, 8, state.firstSeenAt());
            Jdbc.setInstant(insert, 9, state.changedAt());
            insert.executeUpdate();
        }
    }

    public void updateState(Connection connection, LeadState state) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update lead_state set status = ?, stage = ?, route = ?, "
                + "handoff_id = ?, recycle_count = ?, changed_at = ? where lead_id = ?")) {
            update.setString(1, state.status().name());
            update.setString(2, state.stage().name());
            update.setString(3, state.route().name());
            update.setString(4, state.handoffId());
            update.setInt(5, state.recycleCount());
            Jdbc.setInstant(update, 6, state.changedAt());
            update.setString(7, state.leadId());
            update.executeUpdate();
        }
    }

    public Optional<Handoff> handoff(Connection connection, String id) throws SQLException {
        if (id == null) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement("select " + HANDOFF_COLUMNS + " from handoff where id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(handoff(rows)) : Optional.empty();
            }
        }
    }

    /** The lead's hand-offs, oldest first. */
    public List<Handoff> handoffs(Connection connection, String leadId) throws SQLException {
        List<Handoff> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + HANDOFF_COLUMNS
                + " from handoff where lead_id = ? order by opened_at, id")) {
            select.setString(1, leadId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(handoff(rows));
                }
            }
        }
        return found;
    }

    public void insertHandoff(Connection connection, Handoff handoff) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into handoff (" + HANDOFF_COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, handoff.id());
            insert.setString(2, handoff.leadId());
            insert.setString(3, handoff.stage().name());
            insert.setString(4, handoff.queue());
            insert.setString(5, handoff.assignee());
            if (handoff.turn() == null) {
                insert.setNull(6, Types.BIGINT);
            } else {
                insert.setLong(6, handoff.turn());
            }
            Jdbc.setInstant(insert, 7, handoff.openedAt());
            Jdbc.setInstant(insert, 8, handoff.respondBy());
            insert.setString(9, handoff.escalateTo());
            Jdbc.setInstant(insert, 10, handoff.recycleAt());
            insert.setString(11, handoff.calendar());
            Jdbc.setInstant(insert, 12, handoff.contactedAt());
            Jdbc.setInstant(insert, 13, handoff.acceptedAt());
            Jdbc.setInstant(insert, 14, handoff.breachedAt());
            Jdbc.setInstant(insert, 15, handoff.closedAt());
            insert.setString(16, handoff.closeReason());
            insert.executeUpdate();
        }
    }

    /** Stops the response clock: the first contact (or acceptance, or meeting) counts; later ones change nothing. */
    public void contacted(Connection connection, String handoffId, Instant at) throws SQLException {
        update(connection, "update handoff set contacted_at = ? where id = ? and contacted_at is null", at, handoffId);
    }

    public void accepted(Connection connection, String handoffId, Instant at) throws SQLException {
        update(connection, "update handoff set accepted_at = ? where id = ? and accepted_at is null", at, handoffId);
    }

    /** Closes an open hand-off; false when it was already closed (by another writer). */
    public boolean close(Connection connection, String handoffId, Instant at, String reason) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update handoff set closed_at = ?, close_reason = ? where id = ? and closed_at is null")) {
            Jdbc.setInstant(update, 1, at);
            update.setString(2, reason);
            update.setString(3, handoffId);
            return update.executeUpdate() == 1;
        }
    }

    /** Records a breach once: false when it was already recorded, contacted or closed meanwhile. */
    public boolean breached(Connection connection, String handoffId, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update handoff set breached_at = ? where id = ? "
                + "and breached_at is null and contacted_at is null and closed_at is null")) {
            Jdbc.setInstant(update, 1, at);
            update.setString(2, handoffId);
            return update.executeUpdate() == 1;
        }
    }

    public void insertTransitions(Connection connection, List<Transition> transitions) throws SQLException {
        if (transitions.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into lead_transition (lead_id, at, from_status, to_status, "
                + "from_stage, to_stage, cause, decision_id, event_id, handoff_id, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Transition t : transitions) {
                insert.setString(1, t.leadId());
                Jdbc.setInstant(insert, 2, t.at());
                insert.setString(3, t.fromStatus() == null ? null : t.fromStatus().name());
                insert.setString(4, t.toStatus().name());
                insert.setString(5, t.fromStage() == null ? null : t.fromStage().name());
                insert.setString(6, t.toStage().name());
                insert.setString(7, t.cause().name());
                insert.setString(8, t.decisionId());
                insert.setString(9, t.eventId());
                insert.setString(10, t.handoffId());
                insert.setString(11, t.detail() == null || t.detail().length() <= 512 ? t.detail() : t.detail().substring(0, 509) + "...");
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The lead's transitions in the order they happened. */
    public List<Transition> transitions(Connection connection, String leadId) throws SQLException {
        List<Transition> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select lead_id, at, from_status, to_status, from_stage, to_stage, "
                + "cause, decision_id, event_id, handoff_id, detail from lead_transition where lead_id = ? order by id")) {
            select.setString(1, leadId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Transition(rows.getString(1), Jdbc.instant(rows, 2), status(rows.getString(3)), status(rows.getString(4)),
                            stage(rows.getString(5)), stage(rows.getString(6)), Transition.Cause.valueOf(rows.getString(7)),
                            rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11)));
                }
            }
        }
        return found;
    }

    private static void update(Connection connection, String sql, Instant at, String id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            Jdbc.setInstant(update, 1, at);
            update.setString(2, id);
            update.executeUpdate();
        }
    }

    private static LeadState state(ResultSet rows) throws SQLException {
        return new LeadState(rows.getString(1), LeadStatus.valueOf(rows.getString(2)), Stage.valueOf(rows.getString(3)),
                Route.valueOf(rows.getString(4)), rows.getString(5), rows.getString(6), rows.getInt(7), Jdbc.instant(rows, 8), Jdbc.instant(rows, 9));
    }

    /** A hand-off read from a row of {@link #HANDOFF_COLUMNS}. */
    public static Handoff handoff(ResultSet rows) throws SQLException {
        long turn = rows.getLong(6);
        Long turnOrNull = rows.wasNull() ? null : turn;
        return new Handoff(rows.getString(1), rows.getString(2), Stage.valueOf(rows.getString(3)), rows.getString(4), rows.getString(5),
                turnOrNull, Jdbc.instant(rows, 7), Jdbc.instant(rows, 8), rows.getString(9), Jdbc.instant(rows, 10), rows.getString(11),
                Jdbc.instant(rows, 12), Jdbc.instant(rows, 13), Jdbc.instant(rows, 14), Jdbc.instant(rows, 15), rows.getString(16));
    }

    private static LeadStatus status(String name) {
        return name == null ? null : LeadStatus.valueOf(name);
    }

    private static Stage stage(String name) {
        return name == null ? null : Stage.valueOf(name);
    }

}
