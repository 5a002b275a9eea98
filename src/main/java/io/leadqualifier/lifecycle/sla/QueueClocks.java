package io.leadqualifier.lifecycle.sla;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.system.Jdbc;

/**
 * The open hand-offs of each queue by the time left on their clocks, counted in one grouped query over the open
 * hand-offs (the sweep's index), so a dashboard reads it as fast with 100,000 open hand-offs as with ten.
 */
@ApplicationScoped
public class QueueClocks {
    /** Due within this is "due soon". */
    public static final Duration SOON = Duration.ofHours(1);
    /** Due within this (and not soon) is "due today". */
    public static final Duration TODAY = Duration.ofHours(8);

    private final AgroalDataSource dataSource;
    private final Clock clock;

    QueueClocks(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * One queue's open hand-offs, each counted once: overdue (past respondBy, no contact), due within {@link #SOON},
     * within {@link #TODAY}, later, or contacted (the clock stopped).
     *
     * @param mostUrgent the earliest respondBy of a running clock; null when every clock stopped
     */
    public record Queue(String queue, long open, long overdue, long dueSoon, long dueToday, long later, long contacted,
            Instant mostUrgent) {
    }

    /** Every queue with an open hand-off, by name. */
    public List<Queue> queues() {
        Instant now = clock.instant();
        String running = "contacted_at is null and ";
        String sql = "select queue, count(*),"
                + " sum(case when " + running + "respond_by <= ? then 1 else 0 end),"
                + " sum(case when " + running + "respond_by > ? and respond_by <= ? then 1 else 0 end),"
                + " sum(case when " + running + "respond_by > ? and respond_by <= ? then 1 else 0 end),"
                + " sum(case when " + running + "respond_by > ? then 1 else 0 end),"
                + " sum(case when contacted_at is not null then 1 else 0 end),"
                + " min(case when contacted_at is null then respond_by end)"
                + " from handoff where closed_at is null group by queue order by queue";
        Instant soon = now.plus(SOON);
        Instant today = now.plus(TODAY);
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                Instant[] bounds = {now, now, soon, soon, today, today};
                for (int i = 0; i < bounds.length; i++) {
                    Jdbc.setInstant(select, i + 1, bounds[i]);
                }
                List<Queue> queues = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        queues.add(new Queue(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5),
                                rows.getLong(6), rows.getLong(7), Jdbc.instant(rows, 8)));
                    }
                }
                return queues;
            }
        });
    }
}
