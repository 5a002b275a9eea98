package io.leadqualifier.simulation.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A transition matrix: how many leads went from each value under the serving policy (rows) to each value under
 * the candidate (columns), every value of the enum shown, zeros included, so that it reads as a table.
 *
 * @param matrix    serving value → candidate value → leads
 * @param baseline  leads per value under the serving policy (the row sums)
 * @param candidate leads per value under the candidate (the column sums)
 * @param changed   leads off the diagonal
 */
public record Transitions(Map<String, Map<String, Long>> matrix, Map<String, Long> baseline, Map<String, Long> candidate,
        long changed) {

    /** Counts transitions between the values of one enum. */
    public static final class Counter<E extends Enum<E>> {
        private final E[] values;
        private final long[][] counts;

        public Counter(Class<E> type) {
            this.values = type.getEnumConstants();
            this.counts = new long[values.length][values.length];
        }

        public void add(E from, E to) {
            counts[from.ordinal()][to.ordinal()]++;
        }

        public Transitions transitions() {
            Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
            Map<String, Long> rows = new LinkedHashMap<>();
            Map<String, Long> columns = new LinkedHashMap<>();
            long changed = 0;
            for (E value : values) {
                columns.put(value.name(), 0L);
            }
            for (E from : values) {
                Map<String, Long> row = new LinkedHashMap<>();
                long sum = 0;
                for (E to : values) {
                    long count = counts[from.ordinal()][to.ordinal()];
                    row.put(to.name(), count);
                    sum += count;
                    columns.merge(to.name(), count, Long::sum);
                    changed += from == to ? 0 : count;
                }
                matrix.put(from.name(), row);
                rows.put(from.name(), sum);
            }
            return new Transitions(matrix, rows, columns, changed);
        }
    }
}
