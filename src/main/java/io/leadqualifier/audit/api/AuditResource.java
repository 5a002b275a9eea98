package io.leadqualifier.audit.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadqualifier.audit.integrity.AuditChain;
import io.leadqualifier.audit.integrity.AuditEvents;
import io.leadqualifier.audit.integrity.DecisionRetention;
import io.leadqualifier.security.Roles;

/** {@code /api/v1/audit}: is the trail intact, what was erased, what retention purged. */
@Path("/api/v1/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    private static final String SEQUENCE = "[1-9][0-9]{0,17}";
    private static final String SEQUENCE_MESSAGE = "must be a chain sequence number, 1 or more";

    private final AuditChain chain;
    private final AuditEvents events;
    private final DecisionRetention retention;

    AuditResource(AuditChain chain, AuditEvents events, DecisionRetention retention) {
        this.chain = chain;
        this.events = events;
        this.retention = retention;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Path("/verify")
    @Operation(operationId = "verifyTrail", summary = "Walk the decision hash chain (all of it, or fromSequence..toSequence) and report the first broken link")
    public AuditChain.Verification verify(@QueryParam("fromSequence") @Pattern(regexp = SEQUENCE, message = SEQUENCE_MESSAGE) String fromSequence,
            @QueryParam("toSequence") @Pattern(regexp = SEQUENCE, message = SEQUENCE_MESSAGE) String toSequence) {
        // Text, not Long: a JAX-RS conversion failure would answer 404 instead of saying what is wrong.
        Long from = fromSequence == null ? null : Long.valueOf(fromSequence);
        Long to = toSequence == null ? null : Long.valueOf(toSequence);
        if (from != null && to != null && from > to) {
            throw new BadRequestException("fromSequence must not be after toSequence");
        }
        return chain.verify(from, to);
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Path("/erasures")
    @Operation(operationId = "listErasures", summary = "Personal-data erasures done, newest first (at most 1,000)")
    public List<AuditEvents.ErasureRecord> erasures() {
        return events.erasures();
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Path("/purges")
    @Operation(operationId = "listPurges", summary = "Retention purges done, newest first (at most 1,000): the chain starts after the latest")
    public List<AuditEvents.PurgeRecord> purges() {
        return events.purges();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/purge")
    @Operation(operationId = "purgeExpired", summary = "Apply the retention period now (the scheduled job does the same): purge decisions evaluated before now minus the period")
    public DecisionRetention.Purge purge() {
        return retention.applyPeriod().orElseThrow(() -> new WebApplicationException(
                "No retention period is configured (lead-qualifier.audit.retention.period): decisions are kept forever",
                Response.Status.CONFLICT));
    }
}
