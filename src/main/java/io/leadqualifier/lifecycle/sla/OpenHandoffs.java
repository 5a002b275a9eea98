package io.leadqualifier.lifecycle.sla;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.lifecycle.state.Handoff;
import io.leadqualifier.lifecycle.state.LifecycleStore;
import io.leadqualifier.system.Jdbc;

/** The hand-offs sales have open, with the time left on each clock, and the ones that were breached. */
@ApplicationScoped
public class OpenHandoffs {
    private final AgroalDataSource dataSource;
    private final Clock clock;

    OpenHandoffs(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * An open hand-off and its clock.
     *
     * @param timeLeft  respondBy minus now (negative once overdue); null once contacted (the clock stopped)
     * @param overdue   past respondBy with no contact
     */
    public record Open(Handoff handoff, Duration timeLeft, boolean overdue) {
    }

    /** A page of results, newest or most urgent first. */
    public record Page<T>(long total, int page, int size, List<T> items) {
    }

    /** Open hand-offs, most urgent first (by respondBy), filtered by queue and assignee. */
    public Page<Open> open(String queue, String assignee, int page, int size) {
        Instant now = clock.instant();
        Filter filter = new Filter("closed_at is null", queue, assignee, null, null);
        List<Open> items = new ArrayList<>();
        for (Handoff handoff : query(filter, "respond_by, id", page, size)) {
            boolean running = handoff.contactedAt() == null;
            items.add(new Open(handoff, running ? Duration.between(now, handoff.respondBy()) : null,
                    running && !handoff.respondBy().isAfter(now)));
        }
        return new Page<>(count(filter), page, size, items);
    }

    /** Breached hand-offs (whatever became of them since), newest respondBy first, with respondBy in [from, to). */
    public Page<Handoff> breaches(String queue, String assignee, Instant from, Instant to, int page, int size) {
        Filter filter = new Filter("breached_at is not null", queue, assignee, from, to);
        return new Page<>(count(filter), page, size, query(filter, "respond_by desc, id", page, size));
    }

    private record Filter(String base, String queue, String assignee, Instant from, Instant to) {
        String where() {
            return base + (queue == null ? "" : " and queue = ?") + (assignee == null ? "" : " and assignee = ?")
                    + (from == null ? "" : " and respond_by >= ?") + (to == null ? "" : " and respond_by < ?");
        }

        int bind(PreparedStatement statement) throws SQLException {
            int i = 1;
            if (queue != null) {
                statement.setString(i++, queue);
            }
            if (assignee != null) {
                statement.setString(i++, assignee);
            }
            if (from != null) {
                Jdbc.setInstant(statement, i++, from);
            }
            if (to != null) {
                Jdbc.setInstant(statement, i++, to);
            }
            return i;
        }
    }

    private List<Handoff> query(Filter filter, String order, int page, int size) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement("select " + LifecycleStore.HANDOFF_COLUMNS + " from handoff where "
                    + filter.where() + " order by " + order + " limit ? offset ?")) {
                int next = filter.bind(select);
                select.setInt(next, size);
                select.setLong(next + 1, (long) page * size);
                List<Handoff> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(LifecycleStore.handoff(rows));
                    }
                }
                return found;
            }
        });
    }

    private long count(Filter filter) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement("select count(*) from handoff where " + filter.where())) {
                filter.bind(select);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }
}
