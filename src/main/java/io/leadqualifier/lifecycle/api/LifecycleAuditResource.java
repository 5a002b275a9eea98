package io.leadqualifier.lifecycle.api;


import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.lifecycle.state.EventChain;
import io.leadqualifier.security.Roles;
import io.leadqualifier.system.Jdbc;

/** {@code /api/v1/audit/lifecycle}: the lifecycle events' own hash chain, verified. */
@Path("/api/v1/audit/lifecycle")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
public class LifecycleAuditResource {
    private final AgroalDataSource dataSource;
    private final EventChain chain;

    LifecycleAuditResource(AgroalDataSource dataSource, EventChain chain) {
        this.dataSource = dataSource;
        this.chain = chain;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Path("/verify")
    @Operation(operationId = "verifyLifecycleEvents", summary = "Walk the chain of lifecycle events (sales feedback, breaches, escalations, "
            + "recycles) and report the first broken link")
    public EventChain.Verification verify() {
        return Jdbc.read(dataSource, chain::verify);
    }
}
