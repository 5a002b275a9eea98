package io.leadqualifier.console.sla;

import java.util.List;
import java.util.function.Function;

import io.leadqualifier.console.Chart;
import io.leadqualifier.kpi.FunnelKpis;

/** The funnel KPIs of {@code GET /api/v1/kpis/funnel} as two charts: the stage counts per week, and the rates per week. */
final class FunnelCharts {

    private FunnelCharts() {
    }

    /** Leads, MQL, SQL, opportunities and wins per week, side by side. */
    static Chart stages(FunnelKpis.Report report) {
        List<FunnelKpis.Row> rows = report.rows();
        return new Chart("Funnel per week", false, periods(rows), List.of(
                counts("Leads", rows, FunnelKpis.Row::leads), counts("MQL", rows, FunnelKpis.Row::mql),
                counts("SQL", rows, FunnelKpis.Row::sql), counts("Opportunities", rows, FunnelKpis.Row::opportunity),
                counts("Won", rows, FunnelKpis.Row::won)));
    }

    /** SLA compliance, lead → MQL conversion and the recycle rate per week, in percent (none where nothing was due). */
    static Chart rates(FunnelKpis.Report report) {
        List<FunnelKpis.Row> rows = report.rows();
        return new Chart("Rates per week (%)", false, periods(rows), List.of(
                percent("SLA compliance", rows, FunnelKpis.Row::slaCompliance),
                percent("Lead → MQL", rows, row -> row.conversion().leadToMql()),
                percent("MQL → SQL", rows, row -> row.conversion().mqlToSql()),
                percent("Recycle rate", rows, FunnelKpis.Row::recycleRate)));
    }

    private static List<String> periods(List<FunnelKpis.Row> rows) {
        return rows.stream().map(FunnelKpis.Row::period).toList();
    }

    private static Chart.Series counts(String name, List<FunnelKpis.Row> rows, Function<FunnelKpis.Row, Long> count) {
        return new Chart.Series(name, rows.stream().map(count).toList(), null, false);
    }

    private static Chart.Series percent(String name, List<FunnelKpis.Row> rows, Function<FunnelKpis.Row, Double> rate) {
        return new Chart.Series(name, rows.stream().map(row -> {
            Double value = rate.apply(row);
            return value == null ? null : Math.round(value * 1000) / 10.0;
        }).toList(), null, true);
    }
}
