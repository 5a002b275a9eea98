package io.leadqualifier.lifecycle.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadqualifier.lifecycle.sla.OpenHandoffs;
import io.leadqualifier.lifecycle.sla.SlaSweep;
import io.leadqualifier.lifecycle.state.Handoff;
import io.leadqualifier.security.Roles;
import io.leadqualifier.system.IsoInstant;

/** {@code /api/v1/sla}: the hand-off SLA as it is kept: open hand-offs with time left, breaches, and a sweep on demand. */
@Path("/api/v1/sla")
@Tag(name = "SLA")
@Produces(MediaType.APPLICATION_JSON)
public class SlaResource {
    private final SlaSweep sweep;
    private final OpenHandoffs handoffs;

    SlaResource(SlaSweep sweep, OpenHandoffs handoffs) {
        this.sweep = sweep;
        this.handoffs = handoffs;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/sweep")
    @Operation(operationId = "sweepSla", summary = "Run the SLA sweep now: record breaches (once) and escalate them, recycle hand-offs past recycleAt")
    public SlaSweep.Report sweep() {
        return sweep.sweep();
    }

    @GET
    @RolesAllowed({Roles.CRM, Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
    @Path("/open")
    @Operation(operationId = "listOpenHandoffs", summary = "Open hand-offs, most urgent first, with the time left before respondBy (negative when overdue)")
    public OpenHandoffs.Page<OpenHandoffs.Open> open(@QueryParam("queue") @Size(min = 1, max = 64) String queue,
            @QueryParam("assignee") @Size(min = 1, max = 128) String assignee,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return handoffs.open(queue, assignee, page, size);
    }

    @GET
    @RolesAllowed({Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
    @Path("/breaches")
    @Operation(operationId = "listBreaches", summary = "Breached hand-offs, newest respondBy first; from and to bound respondBy")
    public OpenHandoffs.Page<Handoff> breaches(@QueryParam("queue") @Size(min = 1, max = 64) String queue,
            @QueryParam("assignee") @Size(min = 1, max = 128) String assignee,
            @QueryParam("from") @IsoInstant String from, @QueryParam("to") @IsoInstant String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return handoffs.breaches(queue, assignee, IsoInstant.Read.value(from), IsoInstant.Read.value(to), page, size);
    }
}
