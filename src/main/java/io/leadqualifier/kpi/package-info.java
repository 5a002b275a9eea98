/**
 * The funnel KPIs of the weekly marketing–sales review, computed from the lifecycle's tables (read with SQL, as
 * reports do): stage counts and conversion, time to first contact, SLA compliance, rejection reasons, recycle rate; by
 * week or month, by source or queue; JSON or CSV. Reads only. Imports {@code facts}, {@code security}, {@code system}.
 */
package io.leadqualifier.kpi;
