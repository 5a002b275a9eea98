package io.leadqualifier.audit.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.leadqualifier.decision.LeadId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadqualifier.audit.integrity.PersonalDataErasure;
import io.leadqualifier.audit.search.DecisionSearch;
import io.leadqualifier.audit.search.DecisionSummary;
import io.leadqualifier.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** {@code /api/v1/leads/{leadId}}: one lead's history, and the erasure of its person's data. */
@Path("/api/v1/leads")
@Tag(name = "Decisions")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource {
    private final DecisionSearch search;
    private final PersonalDataErasure erasure;
    private final SecurityIdentity identity;

    LeadResource(DecisionSearch search, PersonalDataErasure erasure, SecurityIdentity identity) {
        this.search = search;
        this.erasure = erasure;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
    @Path("/{leadId}/decisions")
    @Operation(operationId = "getLeadHistory", summary = "A lead's decisions in time order (at most 1,000), each stage change marked with its transition")
    public List<DecisionSummary> history(@PathParam("leadId") @LeadId String leadId) {
        return search.history(leadId);
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/{leadId}/personal-data")
    @Operation(operationId = "erasePersonalData", summary = "GDPR erasure: remove what identifies the lead's person from every decision; decisions stay verifiable and replayable")
    public PersonalDataErasure.Erasure erase(@PathParam("leadId") @LeadId String leadId) {
        return erasure.erase(leadId, identity.getPrincipal().getName());
    }
}
