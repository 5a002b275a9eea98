package io.leadqualifier.audit.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.leadqualifier.system.IsoInstant;
import io.leadqualifier.system.EnumName;
import io.leadqualifier.decision.LeadId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadqualifier.audit.search.DecisionExport;
import io.leadqualifier.audit.search.DecisionQuery;
import io.leadqualifier.audit.search.DecisionSearch;
import io.leadqualifier.audit.trail.DecisionLog;
import io.leadqualifier.decision.DecisionView;
import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.security.Roles;

/** {@code /api/v1/decisions}: the decision trail, read, searched and exported. Append-only: nothing here changes it. */
@Path("/api/v1/decisions")
@Tag(name = "Decisions")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {
    private static final String VERSION = "[0-9a-f]{12}";
    private static final String VERSION_MESSAGE = "must be 12 hex digits";

    private final DecisionLog log;
    private final DecisionSearch search;
    private final DecisionExport export;

    DecisionResource(DecisionLog log, DecisionSearch search, DecisionExport export) {
        this.log = log;
        this.search = search;
        this.export = export;
    }

    @GET
    @RolesAllowed({Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "searchDecisions", summary = "Search decisions by lead, stage, route, rule fired, policy version and evaluation time; newest first, paged")
    public DecisionSearch.Page search(@QueryParam("leadId") @LeadId String leadId, @QueryParam("stage") @EnumName(Stage.class) String stage,
            @QueryParam("route") @EnumName(Route.class) String route, @QueryParam("rule") @Size(min = 1, max = 512) String rule,
            @QueryParam("policyVersion") @Pattern(regexp = VERSION, message = VERSION_MESSAGE) String policyVersion,
            @QueryParam("from") @IsoInstant String from, @QueryParam("to") @IsoInstant String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return search.search(query(leadId, stage, route, rule, policyVersion, from, to), page, size);
    }

    @GET
    @RolesAllowed({Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
    @Path("/{decisionId}")
    @Operation(operationId = "getDecision", summary = "A recorded decision: the qualify response plus the input as received, after defaults")
    public DecisionView decision(@PathParam("decisionId") String decisionId) {
        return parse(decisionId).flatMap(log::find).orElseThrow(() -> new NotFoundException("No decision " + decisionId));
    }

    @GET
    @RolesAllowed({Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
    @Path("/export")
    @Produces({"text/csv", "application/jsonl"})
    @Operation(operationId = "exportDecisions", summary = "Every decision of a search (same filters), newest first, streamed as CSV (format=csv) or JSON lines (format=jsonl)")
    @APIResponse(responseCode = "200", description = "The decisions, streamed",
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = "application/jsonl", schema = @Schema(type = SchemaType.STRING))})
    public Response export(@QueryParam("format") @DefaultValue("csv") @EnumName(DecisionExport.Format.class) String format,
            @QueryParam("leadId") @LeadId String leadId, @QueryParam("stage") @EnumName(Stage.class) String stage,
            @QueryParam("route") @EnumName(Route.class) String route, @QueryParam("rule") @Size(min = 1, max = 512) String rule,
            @QueryParam("policyVersion") @Pattern(regexp = VERSION, message = VERSION_MESSAGE) String policyVersion,
            @QueryParam("from") @IsoInstant String from, @QueryParam("to") @IsoInstant String to) {
        DecisionExport.Format chosen = EnumName.Read.value(DecisionExport.Format.class, format);
        DecisionQuery query = query(leadId, stage, route, rule, policyVersion, from, to);
        StreamingOutput body = out -> export.write(query, chosen, out);
        String file = "decisions-" + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace(":", "")
                + "." + chosen.extension();
        return Response.ok(body, chosen.mediaType() + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    /** Query parameters, once Bean Validation has checked them. */
    private static DecisionQuery query(String leadId, String stage, String route, String rule, String version, String from,
            String to) {
        return new DecisionQuery(leadId, EnumName.Read.value(Stage.class, stage), EnumName.Read.value(Route.class, route), rule, version,
                IsoInstant.Read.value(from), IsoInstant.Read.value(to));
    }

    /** A decision id from a path, or empty when it is not one (the decision is then simply not found). */
    public static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
