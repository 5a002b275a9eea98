package io.leadqualifier.qualification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadqualifier.decision.DecisionView;
import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.security.Roles;

/** {@code POST /api/v1/qualify}. */
@Path("/api/v1/qualify")
@Tag(name = "Qualification")
public class QualifyResource {
    private static final String REQUEST_EXAMPLE = """
            {"leadId": "crm-00043", "asOf": "2026-11-22T10:00:00Z",
             "contact": {"email": "claire.martin@acme.fr", "seniority": "DIRECTOR"},
             "company": {"industry": "SOFTWARE", "employees": 250, "country": "FR"},
             "activities": [{"type": "CONTENT_DOWNLOAD", "at": "2026-11-20T09:00:00Z"},
                            {"type": "WEBINAR_ATTENDED", "at": "2026-11-12T15:00:00Z"}]}""";
    private static final String RESPONSE_EXAMPLE = """
            {"decisionId": "fe00033d-369c-4dfe-895c-27d62b7d98c8", "leadId": "crm-00043", "asOf": "2026-11-22T10:00:00Z",
             "evaluatedAt": "2026-11-22T10:00:00.120Z", "stage": "MQL", "temperature": "WARM", "route": "SDR",
             "score": {"fit": 50, "engagement": 25, "total": 75},
             "checklist": {"icpFit": true, "need": false, "budget": false, "authority": false, "timing": false, "intent": false,
                           "checked": 1},
             "sla": {"owner": "SDR", "respondBy": "2026-11-23T10:00:00Z", "escalateTo": "SDR_MANAGER",
                     "recycleAt": "2026-12-06T10:00:00Z"},
             "reasons": [{"rule": "Fit: target industry", "source": "decision-tables/fit-scoring.xlsx", "points": 15,
                          "message": "Industry is one we sell to"}],
             "firedRules": [{"sequence": 1, "name": "Engagement: CONTENT_DOWNLOAD", "source": "decision-tables/engagement-scoring.xlsx"}],
             "policy": {"version": "3f9a1c2b7d4e", "activatedAt": "2026-11-20T08:00:00Z"}}""";
    private final QualificationService service;

    QualifyResource(QualificationService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.CRM, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "qualifyLead", summary = "Evaluate one lead against the active policy, record the decision, return it")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QualifyRequest.class),
            examples = @ExampleObject(name = "A director who downloaded content and attended a webinar", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The decision, recorded before it is answered",
            headers = @Header(name = "Idempotent-Replayed", description = "true when an earlier decision is returned for a retried key",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionView.class),
                    examples = @ExampleObject(name = "An MQL routed to the SDRs", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was already used with another request body")
    public Response qualify(
            @NotNull(message = "a JSON body is required") @Valid QualifyRequest request,
            @Parameter(description = "Makes retries safe: the same key and body return the first decision")
            @HeaderParam("Idempotency-Key") @Pattern(regexp = "[\\x21-\\x7E]{1,255}", message = "must be 1 to 255 visible ASCII characters")
            String idempotencyKey) {
        Qualification result = service.qualify(request, idempotencyKey);
        Response.ResponseBuilder response = Response.ok(result.decision());
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }
}
