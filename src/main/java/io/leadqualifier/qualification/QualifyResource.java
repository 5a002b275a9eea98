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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadqualifier.security.Roles;
import io.leadqualifier.decision.QualifyRequest;

/** {@code POST /api/v1/qualify}. */
@Path("/api/v1/qualify")
@Tag(name = "Qualification")
public class QualifyResource {
    private final QualificationService service;

    QualifyResource(QualificationService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.CRM, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate one lead against the active policy, record the decision, return it")
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
