package io.leadqualifier.audit.trail;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Told of the decisions of each group the writer records, inside the group's transaction and before it
 * commits: what a listener writes commits with the decisions, or fails the whole group with them. A feature
 * that follows decisions (the lead lifecycle) listens here, so that the trail does not depend on it.
 */
public interface TrailListener {
    /**
     * @param recorded the decisions written to the trail, in chain order (repeats and key conflicts left out)
     */
    void recorded(Connection connection, List<PendingDecision> recorded) throws SQLException;
}
