package io.leadqualifier.kpi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.system.Jdbc;

/**
 * The funnel of a period, cut into weeks (ISO, Monday 00:00 UTC) or months, optionally by the lead's source or the
 * hand-off's queue. Each figure is counted in the bucket where its event happened:
 * <ul>
 * <li>leads: first seen (their first decision); mql, sql, opportunity: leads reaching that stage or a higher one for
 * the first time; won: WON events. Conversion rates divide one step by the step before, in the same bucket.</li>
 * <li>time to first contact: hand-offs opened in the bucket and contacted, opened → first contact (median, p90).</li>
 * <li>SLA compliance: hand-offs due (respondBy) in the bucket, and already due: the share contacted by respondBy.</li>
 * <li>rejections by reason, and the recycle rate: hand-offs recycled over hand-offs opened.</li>
 * </ul>
 */
@ApplicationScoped
public class FunnelKpis {
    private final AgroalDataSource dataSource;
    private final Clock clock;

    FunnelKpis(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** How to cut the period. */
    public enum Period { WEEK, MONTH }

    /** What to group by within a period; NONE for the whole funnel. */
    public enum Dimension { NONE, SOURCE, QUEUE }

    /** Conversion from one step of the funnel to the next; null where the step before is empty. */
    public record Conversion(Double leadToMql, Double mqlToSql, Double sqlToOpportunity, Double opportunityToWon) {
    }

    /**
     * The figures of one period (and group).
     *
     * @param group            the source or queue; null when not grouped (or unknown)
     * @param medianToContact  median time from hand-off to first contact; null without a contacted hand-off
     * @param slaCompliance    contacted by respondBy over due; null when none was due
     */
    public record Row(String period, Instant start, String group, long leads, long mql, long sql, long opportunity, long won,
            Conversion conversion, long handoffs, long contacted, Duration medianToContact, Duration p90ToContact, long slaDue,
            long slaMet, Double slaCompliance, Map<String, Long> rejections, long recycled, Double recycleRate) {
    }

    /** The report: the period asked, and its rows in time order (then group). */
    public record Report(Instant from, Instant to, Period groupBy, Dimension by, List<Row> rows) {
    }

    /** Mutable totals while the rows are read. */
    private static final class Bucket {
        long leads, mql, sql, opportunity, won, handoffs, contacted, slaDue, slaMet, recycled;
        final List<Duration> toContact = new ArrayList<>();
        final Map<String, Long> rejections = new TreeMap<>();
    }

    private record Key(Instant start, String group) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byStart = start.compareTo(other.start);
            if (byStart != 0) {
                return byStart;
            }
            return String.valueOf(group).compareTo(String.valueOf(other.group));
        }
    }

    public Report report(Instant from, Instant to, Period period, Dimension by) {
        Instant now = clock.instant();
        Map<Key, Bucket> buckets = new TreeMap<>();
        Jdbc.read(dataSource, connection -> {
            String group = by == Dimension.SOURCE ? "s.source" : "null";
            each(connection, "select s.first_seen_at, " + group + " from lead_state s where s.first_seen_at >= ? and s.first_seen_at < ?", from, to,
                    rows -> bucket(buckets, period, Jdbc.instant(rows, 1), rows.getString(2), by).leads++);
            // The first time each lead reached each stage (or a higher one) in the period.
            String stageGroup = by == Dimension.SOURCE ? "s.source" : by == Dimension.QUEUE ? "h.queue" : "null";
            Map<String, Instant[]> firsts = new HashMap<>();
            Map<String, String[]> groups = new HashMap<>();
            each(connection, "select t.lead_id, t.to_stage, t.at, " + stageGroup + " from lead_transition t join lead_state s on s.lead_id = t.lead_id"
                    + " left join handoff h on h.id = t.handoff_id where t.at < ? order by t.id", null, to, rows -> {
                        int rank = rank(Stage.valueOf(rows.getString(2)));
                        Instant at = Jdbc.instant(rows, 3);
                        Instant[] reached = firsts.computeIfAbsent(rows.getString(1), lead -> new Instant[3]);
                        String[] groupOf = groups.computeIfAbsent(rows.getString(1), lead -> new String[3]);
                        for (int level = 0; level < rank; level++) {
                            if (reached[level] == null) {
                                reached[level] = at;
                                groupOf[level] = rows.getString(4);
                            }
                        }
                    });
            firsts.forEach((lead, reached) -> {
                for (int level = 0; level < 3; level++) {
                    Instant at = reached[level];
                    if (at != null && !at.isBefore(from)) {
                        Bucket bucket = bucket(buckets, period, at, groups.get(lead)[level], by);
                        switch (level) {
                            case 0 -> bucket.mql++;
                            case 1 -> bucket.sql++;
                            default -> bucket.opportunity++;
                        }
                    }
                }
            });
            String eventGroup = by == Dimension.SOURCE ? "s.source" : by == Dimension.QUEUE ? "h.queue" : "null";
            each(connection, "select e.type, e.at, e.reason, " + eventGroup + " from lead_event e join lead_state s on s.lead_id = e.lead_id"
                    + " left join handoff h on h.id = e.handoff_id where e.at >= ? and e.at < ? and e.type in ('WON', 'REJECTED', 'RECYCLED')",
                    from, to, rows -> {
                        Bucket bucket = bucket(buckets, period, Jdbc.instant(rows, 2), rows.getString(4), by);
                        switch (rows.getString(1)) {
                            case "WON" -> bucket.won++;
                            case "RECYCLED" -> bucket.recycled++;
                            default -> bucket.rejections.merge(rows.getString(3) == null ? "(none)" : rows.getString(3), 1L, Long::sum);
                        }
                    });
            String handoffGroup = by == Dimension.SOURCE ? "s.source" : by == Dimension.QUEUE ? "h.queue" : "null";
            each(connection, "select h.opened_at, h.contacted_at, " + handoffGroup + " from handoff h join lead_state s on s.lead_id = h.lead_id"
                    + " where h.opened_at >= ? and h.opened_at < ?", from, to, rows -> {
                        Bucket bucket = bucket(buckets, period, Jdbc.instant(rows, 1), rows.getString(3), by);
                        bucket.handoffs++;
                        Instant contacted = Jdbc.instant(rows, 2);
                        if (contacted != null) {
                            bucket.contacted++;
                            bucket.toContact.add(Duration.between(Jdbc.instant(rows, 1), contacted));
                        }
                    });
            each(connection, "select h.respond_by, h.contacted_at, " + handoffGroup + " from handoff h join lead_state s on s.lead_id = h.lead_id"
                    + " where h.respond_by >= ? and h.respond_by < ?", from, to, rows -> {
                        Instant respondBy = Jdbc.instant(rows, 1);
                        Instant contacted = Jdbc.instant(rows, 2);
                        boolean met = contacted != null && !contacted.isAfter(respondBy);
                        if (respondBy.isAfter(now) && !met) {
                            return; // not due yet: neither met nor missed
                        }
                        Bucket bucket = bucket(buckets, period, respondBy, rows.getString(3), by);
                        bucket.slaDue++;
                        if (met) {
                            bucket.slaMet++;
                        }
                    });
            return null;
        });
        List<Row> rows = new ArrayList<>();
        buckets.forEach((key, b) -> {
            List<Duration> sorted = b.toContact.stream().sorted().toList();
            rows.add(new Row(label(key.start(), period), key.start(), key.group(), b.leads, b.mql, b.sql, b.opportunity, b.won,
                    new Conversion(ratio(b.mql, b.leads), ratio(b.sql, b.mql), ratio(b.opportunity, b.sql), ratio(b.won, b.opportunity)),
                    b.handoffs, b.contacted, percentile(sorted, 50), percentile(sorted, 90), b.slaDue, b.slaMet, ratio(b.slaMet, b.slaDue),
                    b.rejections, b.recycled, ratio(b.recycled, b.handoffs)));
        });
        return new Report(from, to, period, by, rows);
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private static void each(Connection connection, String sql, Instant from, Instant to, RowReader reader) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int i = 1;
            if (from != null) {
                Jdbc.setInstant(select, i++, from);
            }
            Jdbc.setInstant(select, i, to);
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    private static Bucket bucket(Map<Key, Bucket> buckets, Period period, Instant at, String group, Dimension by) {
        return buckets.computeIfAbsent(new Key(start(at, period), by == Dimension.NONE ? null : group == null ? "(none)" : group),
                key -> new Bucket());
    }

    /** The start of the week (Monday 00:00 UTC) or month an instant falls in. */
    static Instant start(Instant at, Period period) {
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate first = period == Period.WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
        return first.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    static String label(Instant start, Period period) {
        LocalDate day = start.atOffset(ZoneOffset.UTC).toLocalDate();
        return period == Period.WEEK ? String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                : String.format("%d-%02d", day.getYear(), day.getMonthValue());
    }

    /** Nearest-rank percentile; null for none. */
    static Duration percentile(List<Duration> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    /** How many funnel levels (MQL, SQL, opportunity) a stage has reached. */
    private static int rank(Stage stage) {
        return switch (stage) {
            case MQL -> 1;
            case SQL -> 2;
            case OPPORTUNITY -> 3;
            default -> 0;
        };
    }
}
