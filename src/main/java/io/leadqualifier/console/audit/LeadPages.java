package io.leadqualifier.console.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.leadqualifier.audit.search.DecisionSummary;
import io.leadqualifier.console.Pages;
import io.leadqualifier.console.Refusal;
import io.leadqualifier.console.Section;
import io.leadqualifier.lifecycle.api.LeadResource;
import io.leadqualifier.lifecycle.api.LeadView;
import io.leadqualifier.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * A lead's history: its decisions in time order with each stage change, and its lifecycle (hand-offs, transitions with
 * their causes, sales events). Same roles as {@code GET /api/v1/leads/{leadId}/decisions}.
 */
@Path("/console/leads")
@RolesAllowed({Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
public class LeadPages {
    private final Pages pages;
    private final LeadResource leads;
    private final Template lead;

    LeadPages(Pages pages, LeadResource leads, @Location("console/audit/lead.html") Template lead) {
        this.pages = pages;
        this.leads = leads;
        this.lead = lead;
    }

    @GET
    @Path("{leadId}")
    public Response lead(@PathParam("leadId") String leadId) {
        List<DecisionSummary> history = leads.history(leadId);
        LeadView lifecycle = null;
        Refusal refusal = null;
        try {
            lifecycle = leads.lead(leadId);
        } catch (RuntimeException refused) {
            refusal = Refusal.of(refused);
        }
        int status = history.isEmpty() && refusal != null ? refusal.status() : 200;
        return pages.render(status, lead.data("leadId", leadId).data("history", history).data("lifecycle", lifecycle)
                .data("refusal", refusal), "Lead " + leadId, Section.DECISIONS);
    }
}
