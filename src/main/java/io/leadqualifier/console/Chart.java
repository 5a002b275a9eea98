package io.leadqualifier.console;

import java.util.List;

/**
 * What {@code /console/assets/charts.js} draws with ECharts, embedded in the page as JSON in a {@code data-chart}
 * attribute (the CSP allows no inline script). Bars per category, stacked when the series share a stack, lines on a
 * percentage axis; or, with {@code rows}, a heatmap of {@code values[row][column]}. Every chart has a table with the
 * same numbers beside it: the chart is for the eye, the table for reading and for screen readers.
 *
 * @param horizontal bars run left to right, one row per category (queues: their names stay readable on a phone)
 * @param rows       a heatmap's row labels (its columns are the categories); null for bars and lines
 * @param cells      a heatmap's values, row by row; null for bars and lines
 */
public record Chart(String title, boolean horizontal, List<String> categories, List<Series> series, List<String> rows,
        List<List<Long>> cells) {

    /** Bars and lines over categories. */
    public Chart(String title, boolean horizontal, List<String> categories, List<Series> series) {
        this(title, horizontal, categories, series, null, null);
    }

    /** The chart as the page embeds it. */
    public String json(com.fasterxml.jackson.databind.ObjectMapper json) {
        try {
            return json.writeValueAsString(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A chart that cannot be written as JSON: " + title, e);
        }
    }

    /** A heatmap: how many went from each row to each column. */
    public static Chart heatmap(String title, List<String> rows, List<String> columns, List<List<Long>> cells) {
        return new Chart(title, false, columns, List.of(), rows, cells);
    }

    /**
     * One series: its values per category (null where there is none).
     *
     * @param stack series with the same stack are piled up; null stands alone
     * @param line  drawn as a line on the percentage axis instead of bars
     */
    public record Series(String name, List<? extends Number> values, String stack, boolean line) {
    }
}
