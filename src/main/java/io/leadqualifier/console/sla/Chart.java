package io.leadqualifier.console.sla;

import java.util.List;

/**
 * What {@code /console/assets/charts.js} draws with ECharts, embedded in the page as JSON (the CSP allows no inline
 * script): bars per category, stacked when the series share a stack, and lines on a second axis for rates.
 *
 * @param horizontal bars run left to right, one row per category (queues: their names stay readable on a phone)
 */
public record Chart(String title, boolean horizontal, List<String> categories, List<Series> series) {

    /**
     * One series: its values per category (null where there is none).
     *
     * @param stack series with the same stack are piled up; null stands alone
     * @param line  drawn as a line on the percentage axis instead of bars
     */
    public record Series(String name, List<? extends Number> values, String stack, boolean line) {
    }
}
