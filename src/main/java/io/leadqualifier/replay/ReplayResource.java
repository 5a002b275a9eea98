package io.leadqualifier.replay;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import jakarta.validation.constraints.Pattern;
import io.leadqualifier.system.IsoInstant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadqualifier.audit.api.DecisionResource;
import io.leadqualifier.security.Roles;

/** {@code /api/v1/decisions/…/replay} and {@code …/explanation}: recorded decisions evaluated again under their recorded version. */
@Path("/api/v1/decisions")
@Tag(name = "Decisions")
@Produces(MediaType.APPLICATION_JSON)
public class ReplayResource {
    private final DecisionReplay replay;
    private final DecisionExplanation explanation;

    ReplayResource(DecisionReplay replay, DecisionExplanation explanation) {
        this.replay = replay;
        this.explanation = explanation;
    }

    @POST
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Path("/{decisionId}/replay")
    @Operation(operationId = "replayDecision", summary = "Re-evaluate the recorded input at its asOf under its recorded policy version, and compare")
    public DecisionReplay.Result replay(@PathParam("decisionId") String decisionId) {
        return replay.replay(DecisionResource.parse(decisionId).orElseThrow(() -> new NotFoundException("No decision " + decisionId)));
    }

    @POST
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Path("/replay")
    @Operation(operationId = "replayDecisions", summary = "Replay every decision evaluated in [from, to): counts of identical and different")
    public DecisionReplay.RangeResult replayRange(@QueryParam("from") @IsoInstant String from, @QueryParam("to") @IsoInstant String to) {
        Instant start = IsoInstant.Read.value(from);
        Instant end = IsoInstant.Read.value(to);
        if (start == null || end == null || !start.isBefore(end)) {
            throw new BadRequestException("from and to are required, from before to");
        }
        return replay.replayRange(start, end);
    }

    @GET
    @RolesAllowed({Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
    @Path("/{decisionId}/explanation")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(operationId = "explainDecision", summary = "Why this decision: score ledger, checklist, stage, route and SLA causes, and why not the next stages;"
            + " JSON, or plain text with format=text or Accept: text/plain")
    @APIResponse(responseCode = "200", description = "The explanation",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Explanation.class)),
                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))})
    public Response explanation(@PathParam("decisionId") String decisionId, @QueryParam("format") @Pattern(regexp = "(?i)json|text", message = "must be one of [json, text]") String format,
            @HeaderParam("Accept") String accept) {
        Explanation explained = explanation.explain(
                DecisionResource.parse(decisionId).orElseThrow(() -> new NotFoundException("No decision " + decisionId)));
        boolean text = format == null ? accept != null && accept.contains(MediaType.TEXT_PLAIN) && !accept.contains(MediaType.APPLICATION_JSON)
                : "text".equalsIgnoreCase(format);
        return text ? Response.ok(ExplanationText.of(explained), MediaType.TEXT_PLAIN + "; charset=utf-8").build()
                : Response.ok(explained, MediaType.APPLICATION_JSON).build();
    }
}
