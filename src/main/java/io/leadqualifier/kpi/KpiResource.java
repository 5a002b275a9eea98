package io.leadqualifier.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadqualifier.security.Roles;
import io.leadqualifier.system.EnumName;
import io.leadqualifier.system.IsoInstant;

/** {@code /api/v1/kpis}: the numbers of the weekly marketing–sales review. */
@Path("/api/v1/kpis")
@Tag(name = "KPIs")
public class KpiResource {
    private static final long MAX_DAYS = 3 * 366;
    private final FunnelKpis kpis;

    KpiResource(FunnelKpis kpis) {
        this.kpis = kpis;
    }

    @GET
    @Path("/funnel")
    @RolesAllowed({Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(operationId = "getFunnelKpis", summary = "Lead → MQL → SQL → opportunity → won counts and conversion, time to first contact "
            + "(median, p90), SLA compliance, rejection reasons and recycle rate, by week or month, by source or queue; JSON, or CSV "
            + "with format=csv or Accept: text/csv")
    @APIResponse(responseCode = "200", description = "The funnel, one row per period (and group)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FunnelKpis.Report.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    public Response funnel(@QueryParam("from") @NotNull(message = "is required") @IsoInstant String from,
            @QueryParam("to") @NotNull(message = "is required") @IsoInstant String to,
            @QueryParam("groupBy") @DefaultValue("week") @EnumName(FunnelKpis.Period.class) String groupBy,
            @QueryParam("by") @EnumName(FunnelKpis.Dimension.class) String by,
            @QueryParam("format") @EnumName(Format.class) String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Instant start = IsoInstant.Read.value(from);
        Instant end = IsoInstant.Read.value(to);
        if (!start.isBefore(end)) {
            throw new BadRequestException("from must be before to");
        }
        if (Duration.between(start, end).toDays() > MAX_DAYS) {
            throw new BadRequestException("a report covers at most " + MAX_DAYS + " days");
        }
        FunnelKpis.Report report = kpis.report(start, end, EnumName.Read.value(FunnelKpis.Period.class, groupBy),
                by == null ? FunnelKpis.Dimension.NONE : EnumName.Read.value(FunnelKpis.Dimension.class, by));
        boolean csv = format != null ? EnumName.Read.value(Format.class, format) == Format.CSV
                : accept != null && accept.contains("text/csv") && !accept.contains(MediaType.APPLICATION_JSON);
        if (!csv) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(csv(report), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"funnel-" + groupBy.toLowerCase(java.util.Locale.ROOT) + ".csv\"").build();
    }

    /** The two answers. */
    public enum Format { JSON, CSV }

    static String csv(FunnelKpis.Report report) {
        StringBuilder out = new StringBuilder("period,start,group,leads,mql,sql,opportunity,won,lead_to_mql,mql_to_sql,sql_to_opportunity,"
                + "opportunity_to_won,handoffs,contacted,median_to_contact,p90_to_contact,sla_due,sla_met,sla_compliance,rejections,recycled,"
                + "recycle_rate\r\n");
        for (FunnelKpis.Row row : report.rows()) {
            List<Object> cells = List.of(row.period(), row.start(), text(row.group()), row.leads(), row.mql(), row.sql(), row.opportunity(),
                    row.won(), text(row.conversion().leadToMql()), text(row.conversion().mqlToSql()), text(row.conversion().sqlToOpportunity()),
                    text(row.conversion().opportunityToWon()), row.handoffs(), row.contacted(), text(row.medianToContact()),
                    text(row.p90ToContact()), row.slaDue(), row.slaMet(), text(row.slaCompliance()), rejections(row.rejections()),
                    row.recycled(), text(row.recycleRate()));
            out.append(cells.stream().map(cell -> quote(String.valueOf(cell))).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    private static Object text(Object value) {
        return value == null ? "" : value;
    }

    private static String rejections(Map<String, Long> reasons) {
        return reasons.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(";"));
    }

    /** RFC 4180 quoting; a cell a spreadsheet would read as a formula is prefixed with a quote. */
    private static String quote(String cell) {
        String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+") ? "'" + cell : cell;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
