package io.leadqualifier.console.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.leadqualifier.console.Chart;
import io.leadqualifier.simulation.report.Transitions;

/**
 * A transition matrix as a table: serving values down, candidate values across, the row and column totals, and the
 * same counts as a heatmap.
 */
public record MatrixView(String name, List<String> columns, List<Row> rows, List<Long> columnTotals, long changed, String heatmap) {

    /** One serving value: how many of its leads the candidate gave each value, and their sum. */
    public record Row(String value, List<Cell> cells, long total) {
    }

    /** One count; {@code same} on the diagonal (the candidate agrees). */
    public record Cell(long count, boolean same) {
    }

    static MatrixView of(String name, Transitions transitions, com.fasterxml.jackson.databind.ObjectMapper json) {
        List<String> columns = List.copyOf(transitions.candidate().keySet());
        List<Row> rows = new ArrayList<>();
        List<List<Long>> cells = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> row : transitions.matrix().entrySet()) {
            List<Long> counts = columns.stream().map(column -> row.getValue().getOrDefault(column, 0L)).toList();
            cells.add(counts);
            List<Cell> shown = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                shown.add(new Cell(counts.get(i), columns.get(i).equals(row.getKey())));
            }
            rows.add(new Row(row.getKey(), shown, transitions.baseline().getOrDefault(row.getKey(), 0L)));
        }
        List<String> rowLabels = List.copyOf(transitions.matrix().keySet());
        return new MatrixView(name, columns, rows, columns.stream().map(column -> transitions.candidate().getOrDefault(column, 0L)).toList(),
                transitions.changed(), Chart.heatmap(name + ": serving (rows) → candidate (columns)", rowLabels, columns, cells).json(json));
    }
}
