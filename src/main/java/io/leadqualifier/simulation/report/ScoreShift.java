package io.leadqualifier.simulation.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the total score moves from the serving policy to the candidate: {@code candidate total − serving total} per
 * lead, as a histogram and its summary. Percentiles are nearest-rank: the smallest shift with at least that share
 * of the leads at or below it.
 */
public record ScoreShift(long leads, long unchanged, long up, long down, Double mean, Integer min, Integer p5, Integer median,
        Integer p95, Integer max, List<Bin> histogram) {

    /** Leads whose total moved by {@code shift} points. */
    public record Bin(int shift, long leads) {
    }

    /** Counts the shifts. Memory grows with the number of distinct shifts, not of leads. */
    public static final class Counter {
        private final TreeMap<Integer, Long> histogram = new TreeMap<>();
        private long leads;
        private long sum;

        public void add(int baselineTotal, int candidateTotal) {
            int shift = candidateTotal - baselineTotal;
            histogram.merge(shift, 1L, Long::sum);
            leads++;
            sum += shift;
        }

        public ScoreShift shift() {
            if (leads == 0) {
                return new ScoreShift(0, 0, 0, 0, null, null, null, null, null, null, List.of());
            }
            List<Bin> bins = new ArrayList<>();
            histogram.forEach((shift, count) -> bins.add(new Bin(shift, count)));
            long up = histogram.tailMap(0, false).values().stream().mapToLong(Long::longValue).sum();
            long down = histogram.headMap(0, false).values().stream().mapToLong(Long::longValue).sum();
            return new ScoreShift(leads, histogram.getOrDefault(0, 0L), up, down, (double) sum / leads, histogram.firstKey(),
                    percentile(0.05), percentile(0.5), percentile(0.95), histogram.lastKey(), bins);
        }

        private int percentile(double share) {
            long rank = (long) Math.ceil(share * leads);
            long seen = 0;
            for (Map.Entry<Integer, Long> bin : histogram.entrySet()) {
                seen += bin.getValue();
                if (seen >= rank) {
                    return bin.getKey();
                }
            }
            return histogram.lastKey();
        }
    }
}
