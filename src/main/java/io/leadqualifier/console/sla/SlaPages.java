package io.leadqualifier.console.sla;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.console.Chart;
import io.leadqualifier.console.InvalidFields;
import io.leadqualifier.console.Pages;
import io.leadqualifier.console.Refusal;
import io.leadqualifier.console.Section;
import io.leadqualifier.kpi.FunnelKpis;
import io.leadqualifier.lifecycle.api.SlaResource;
import io.leadqualifier.lifecycle.sla.OpenHandoffs;
import io.leadqualifier.lifecycle.sla.QueueClocks;
import io.leadqualifier.lifecycle.state.Handoff;
import io.leadqualifier.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The SLA as sales managers and RevOps watch it: each queue's open hand-offs by time left (a chart), the open hand-offs
 * most urgent first, the breaches, and the funnel of the last weeks (charts). Everyone who may read open hand-offs opens
 * it; breaches and KPIs show for the roles the API shows them to.
 */
@Path("/console/sla")
@RolesAllowed({Roles.CRM, Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
public class SlaPages {
    /** The funnel shown: the weeks up to this one. */
    static final int WEEKS = 12;

    private final Pages pages;
    private final SlaResource sla;
    private final QueueClocks clocks;
    private final FunnelKpis kpis;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final ObjectMapper json;
    private final Template page;

    SlaPages(Pages pages, SlaResource sla, QueueClocks clocks, FunnelKpis kpis, SecurityIdentity identity, Clock clock, ObjectMapper json,
            @Location("console/sla/sla.html") Template page) {
        this.pages = pages;
        this.sla = sla;
        this.clocks = clocks;
        this.kpis = kpis;
        this.identity = identity;
        this.clock = clock;
        this.json = json;
        this.page = page;
    }

    /** An open hand-off as a row: the API's item and its time left in words. */
    public record OpenRow(Handoff handoff, String timeLeft, boolean overdue) {
    }

    @GET
    public Response sla(@QueryParam("queue") String queue, @QueryParam("assignee") String assignee,
            @QueryParam("page") @DefaultValue("0") int pageNumber) {
        String queueFilter = queue == null || queue.isBlank() ? null : queue.strip();
        String assigneeFilter = assignee == null || assignee.isBlank() ? null : assignee.strip();
        List<QueueClocks.Queue> queues = clocks.queues();
        boolean manager = identity.hasRole(Roles.REVOPS) || identity.hasRole(Roles.AUDITOR) || identity.hasRole(Roles.ADMIN);
        var template = page.data("queue", queueFilter).data("assignee", assigneeFilter).data("queues", queues)
                .data("queueChart", chartJson(QueueChart.of(queues))).data("open", null).data("rows", List.of()).data("refusal", null)
                .data("newer", null).data("older", null).data("breaches", null).data("funnel", null).data("funnelChart", null)
                .data("complianceChart", null);
        int status = 200;
        try {
            OpenHandoffs.Page<OpenHandoffs.Open> open = sla.open(queueFilter, assigneeFilter, pageNumber, 50);
            template.data("open", open).data("rows", open.items().stream()
                    .map(item -> new OpenRow(item.handoff(), TimeLeft.of(item.timeLeft()), item.overdue())).toList())
                    .data("newer", pageNumber > 0 ? link(queueFilter, assigneeFilter, pageNumber - 1) : null)
                    .data("older", (long) (pageNumber + 1) * open.size() < open.total() ? link(queueFilter, assigneeFilter, pageNumber + 1) : null);
        } catch (ConstraintViolationException invalid) {
            Refusal refusal = InvalidFields.of(invalid);
            template.data("refusal", refusal);
            status = 400;
        }
        if (manager) {
            Instant now = clock.instant();
            Instant from = LocalDate.ofInstant(now, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .minusWeeks(WEEKS - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
            FunnelKpis.Report funnel = kpis.report(from, now, FunnelKpis.Period.WEEK, FunnelKpis.Dimension.NONE);
            template.data("breaches", sla.breaches(queueFilter, assigneeFilter, null, null, 0, 20)).data("funnel", funnel)
                    .data("funnelChart", chartJson(FunnelCharts.stages(funnel))).data("complianceChart", chartJson(FunnelCharts.rates(funnel)));
        }
        return pages.render(status, template, "SLA and funnel", Section.SLA);
    }

    private static String link(String queue, String assignee, int pageNumber) {
        StringBuilder link = new StringBuilder("/console/sla?page=").append(pageNumber);
        if (queue != null) {
            link.append("&queue=").append(java.net.URLEncoder.encode(queue, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (assignee != null) {
            link.append("&assignee=").append(java.net.URLEncoder.encode(assignee, java.nio.charset.StandardCharsets.UTF_8));
        }
        return link.append("#open").toString();
    }

    private String chartJson(Chart chart) {
        return chart.json(json);
    }
}
