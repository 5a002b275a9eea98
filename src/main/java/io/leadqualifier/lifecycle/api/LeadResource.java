package io.leadqualifier.lifecycle.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadqualifier.audit.integrity.PersonalDataErasure;
import io.leadqualifier.audit.search.DecisionSearch;
import io.leadqualifier.audit.search.DecisionSummary;
import io.leadqualifier.decision.LeadId;
import io.leadqualifier.lifecycle.transition.SalesEvents;
import io.leadqualifier.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * {@code /api/v1/leads/{leadId}}: one lead's lifecycle and the events sales send about it, its decisions,
 * and the erasure of its person's data.
 */
@Path("/api/v1/leads")
@Tag(name = "Leads")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource {
    private static final String EVENT_EXAMPLE = """
            {"eventId": "crm-evt-20261125-0042", "type": "REJECTED", "at": "2026-11-25T14:05:00Z", "reason": "NO_BUDGET",
             "note": "Budget frozen until Q3"}""";

    private final DecisionSearch search;
    private final PersonalDataErasure erasure;
    private final SecurityIdentity identity;
    private final LeadLifecycles lifecycles;
    private final SalesEvents events;

    LeadResource(DecisionSearch search, PersonalDataErasure erasure, SecurityIdentity identity, LeadLifecycles lifecycles,
            SalesEvents events) {
        this.search = search;
        this.erasure = erasure;
        this.identity = identity;
        this.lifecycles = lifecycles;
        this.events = events;
    }

    @GET
    @RolesAllowed({Roles.CRM, Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
    @Path("/{leadId}")
    @Operation(operationId = "getLead", summary = "A lead's lifecycle: status, stage, the open hand-off with its SLA clock, every hand-off, "
            + "transition (from, to, why) and event")
    public LeadView lead(@PathParam("leadId") @LeadId String leadId) {
        return lifecycles.view(leadId);
    }

    @POST
    @RolesAllowed({Roles.CRM, Roles.ADMIN})
    @Path("/{leadId}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordSalesEvent", summary = "What sales did with a lead: CONTACTED stops the response clock, REJECTED "
            + "(with a reason) sends it back to nurture, WON and LOST close it. A repeat with the same eventId changes nothing")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SalesEventRequest.class),
            examples = @ExampleObject(name = "Sales reject a lead for lack of budget", value = EVENT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded, with the lead's lifecycle after it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordedEvent.class)))
    @APIResponse(responseCode = "200", description = "The same event was recorded before: nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordedEvent.class)))
    @APIResponse(responseCode = "404", description = "No decision was ever recorded for this lead")
    @APIResponse(responseCode = "409", description = "The event does not apply in the lead's state, or came out of order")
    @APIResponse(responseCode = "422", description = "A reason missing or not in the policy's list, a time in the future, an eventId reused")
    public Response record(@PathParam("leadId") @LeadId String leadId, @NotNull(message = "a JSON body is required") @Valid SalesEventRequest request) {
        SalesEvents.Recorded recorded = events.record(leadId, new SalesEvents.SalesEvent(request.eventId(), request.type(), request.at(),
                request.reason(), request.note()), identity.getPrincipal().getName());
        RecordedEvent body = new RecordedEvent(recorded.event(), lifecycles.view(leadId));
        if (recorded.repeated()) {
            return Response.ok(body).header("Idempotent-Replayed", "true").build();
        }
        return Response.created(URI.create("/api/v1/leads/" + leadId)).entity(body).build();
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
