package io.leadqualifier.simulation.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each SLA owner's queue would receive, per ISO week of the decisions' asOf (UTC, weeks from Monday): the
 * hand-offs the serving policy and the candidate would each open.
 */
public record HandoffLoad(String week, String queue, long baseline, long candidate) {

    /** Counts hand-offs by week and queue. Memory grows with weeks × queues, not with leads. */
    public static final class Counter {
        private final TreeMap<String, TreeMap<String, long[]>> weeks = new TreeMap<>();

        public void opened(Instant asOf, String queue, boolean underCandidate) {
            weeks.computeIfAbsent(week(asOf), w -> new TreeMap<>()).computeIfAbsent(queue, q -> new long[2])[underCandidate ? 1 : 0]++;
        }

        public List<HandoffLoad> load() {
            List<HandoffLoad> rows = new ArrayList<>();
            for (Map.Entry<String, TreeMap<String, long[]>> week : weeks.entrySet()) {
                week.getValue().forEach((queue, counts) -> rows.add(new HandoffLoad(week.getKey(), queue, counts[0], counts[1])));
            }
            return rows;
        }

        /** {@code 2026-W41}. */
        static String week(Instant asOf) {
            var date = asOf.atOffset(ZoneOffset.UTC);
            return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    }
}
