package io.leadqualifier.audit;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadqualifier.security.Roles;

/** {@code GET /api/v1/decisions/{decisionId}}: a recorded decision with its input. */
@Path("/api/v1/decisions")
@Tag(name = "Decisions")
public class DecisionResource {
    private final DecisionLog log;

    DecisionResource(DecisionLog log) {
        this.log = log;
    }

    @GET
    @RolesAllowed({Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
    @Path("/{decisionId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A recorded decision: the qualify response plus the input as received, after defaults")
    public DecisionView decision(@PathParam("decisionId") String decisionId) {
        return parse(decisionId).flatMap(log::find)
                .orElseThrow(() -> new NotFoundException("No decision " + decisionId));
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
