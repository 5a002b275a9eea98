/**
 * The SLA page of the console: open hand-offs with the time left, per queue as a chart, breaches, and the funnel KPIs
 * as charts. Calls the services the API calls ({@code /api/v1/sla}, {@code /api/v1/kpis/funnel}) with the API's roles.
 * Imports {@code lifecycle.sla}, {@code lifecycle.api}, {@code lifecycle.state}, {@code kpi}, the console's layout,
 * {@code security} and {@code system}.
 */
package io.leadqualifier.console.sla;
