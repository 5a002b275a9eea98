package io.leadqualifier.lifecycle.transition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.facts.Sla;
import io.leadqualifier.handoff.roster.Roster;
import io.leadqualifier.system.Jdbc;

/**
 * Who in the SLA's queue a hand-off goes to: a decision for the queue of the hand-off already open keeps
 * its assignee; a new hand-off takes the queue's next turn, and the policy's roster turns it into a member
 * (weighted round robin over active members). The turn is recorded with the decision, so replay assigns the
 * same member from it; a queue the roster does not staff stays unassigned and takes no turn. Turns are reserved from
 * the database in blocks ({@value #BLOCK}) and handed out from memory: a commit per hand-off would cost as much as
 * the decision's own. A block left unused when the process stops is a gap in the rotation; several instances each
 * go round their own blocks, so the weights hold over time, not hand-off by hand-off.
 */
@ApplicationScoped
public class Assignments {
    static final int BLOCK = 64;

    private final AgroalDataSource dataSource;
    /** Per queue, the turns reserved and not handed out yet: next and last (inclusive). */
    private final Map<String, long[]> reserved = new HashMap<>();

    Assignments(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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

    /** The queue's next turn (1, 2, ...): from the block reserved, or from a new block. */
    synchronized long nextTurn(String queue) {
        long[] block = reserved.get(queue);
        if (block == null || block[0] > block[1]) {
            long last = reserve(queue);
            block = new long[] {last - BLOCK + 1, last};
            reserved.put(queue, block);
        }
        return block[0]++;
    }

    /** Reserves the queue's next block of turns, in a short transaction of its own; returns the last turn of the block. */
    private long reserve(String queue) {
        // No flush: a block lost in a crash is a gap in the rotation, and a decision that used it was flushed itself.
        return Jdbc.transaction(dataSource, null, connection -> increment(connection, queue));
    }

    private static long increment(Connection connection, String queue) throws SQLException {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (PreparedStatement update = connection.prepareStatement("update handoff_queue set turns = turns + ? where queue = ?")) {
                update.setLong(1, BLOCK);
                update.setString(2, queue);
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
            try (PreparedStatement insert = connection.prepareStatement("insert into handoff_queue (queue, turns) values (?, ?)")) {
                insert.setString(1, queue);
                insert.setLong(2, BLOCK);
                insert.executeUpdate();
                return BLOCK;
            } catch (SQLException raced) {
                // Another instance created the counter first: count on it.
                connection.rollback();
            }
        }
        throw new SQLException("the turn counter of queue " + queue + " could not be created");
    }
}
