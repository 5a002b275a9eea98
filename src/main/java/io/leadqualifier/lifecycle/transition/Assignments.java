package io.leadqualifier.lifecycle.transition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.facts.Sla;
import io.leadqualifier.handoff.roster.Roster;

/**
 * Who in the SLA's queue a hand-off goes to: a decision for the queue of the hand-off already open keeps
 * its assignee; a new hand-off takes the queue's next turn, and the policy's roster turns it into a member
 * (weighted round robin over active members). The turn is recorded with the decision, so replay assigns the
 * same member from it; a queue the roster does not staff stays unassigned and takes no turn.
 */
@ApplicationScoped
public class Assignments {
    private final AgroalDataSource dataSource;
    private final boolean postgres;

    Assignments(AgroalDataSource dataSource, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.dataSource = dataSource;
        this.postgres = dbKind.toLowerCase(java.util.Locale.ROOT).startsWith("postgres");
    }

    /** The SLA assigned for a new decision, taking the queue's next turn when a hand-off opens. */
    public Sla assign(Sla sla, QualifyRequest.History history, Roster roster) {
        return assign(sla, history, roster, () -> nextTurn(sla.owner()));
    }

    /**
     * The SLA assigned with the turn given: the recorded one when replaying.
     *
     * @param turn the queue's turn, asked only when a new hand-off opens to a staffed queue
     */
    public static Sla assign(Sla sla, QualifyRequest.History history, Roster roster, LongSupplier turn) {
        if (sla == null) {
            return null;
        }
        if (history != null && sla.owner().equals(history.queue())) {
            return sla.assignedTo(history.assignee(), null);
        }
        if (!roster.hasActiveMember(sla.owner())) {
            return sla;
        }
        long next = turn.getAsLong();
        return sla.assignedTo(roster.assign(sla.owner(), next).member(), next);
    }

    /** The queue's next turn (1, 2, ...), in a short transaction of its own: a turn lost to a failed decision is a gap, no harm. */
    long nextTurn(String queue) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (postgres) {
                    // A turn lost in a crash is a gap or a repeat in the rotation, never a lost decision: no fsync to wait for.
                    try (var statement = connection.createStatement()) {
                        statement.execute("set local synchronous_commit = off");
                    }
                }
                long turn = increment(connection, queue);
                connection.commit();
                return turn;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new PersistenceException("Cannot take the next turn of queue " + queue + ": " + e.getMessage(), e);
        }
    }

    private static long increment(Connection connection, String queue) throws SQLException {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (PreparedStatement update = connection.prepareStatement("update handoff_queue set turns = turns + 1 where queue = ?")) {
                update.setString(1, queue);
                if (update.executeUpdate() == 1) {
                    try (PreparedStatement select = connection.prepareStatement("select turns from handoff_queue where queue = ?")) {
                        select.setString(1, queue);
                        try (ResultSet row = select.executeQuery()) {
                            row.next();
                            return row.getLong(1);
                        }
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into handoff_queue (queue, turns) values (?, 1)")) {
                insert.setString(1, queue);
                insert.executeUpdate();
                return 1;
            } catch (SQLException raced) {
                // Another instance created the counter first: count on it.
                connection.rollback();
            }
        }
        throw new SQLException("the turn counter of queue " + queue + " could not be created");
    }
}
