package io.leadqualifier.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadqualifier.security.Roles;

/** {@code /api/v1/leads/{leadId}/decisions}: one lead's history. */
@Path("/api/v1/leads")
@Tag(name = "Decisions")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource {
    private final DecisionSearch search;

    LeadResource(DecisionSearch search) {
        this.search = search;
    }

    @GET
    @RolesAllowed({Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
    @Path("/{leadId}/decisions")
    @Operation(summary = "A lead's decisions in time order (at most 1,000), each stage change marked with its transition")
    public List<DecisionSummary> history(@PathParam("leadId") String leadId) {
        return search.history(AuditParameters.leadId(leadId));
    }
}
