package io.leadqualifier.shadow;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.policy.candidate.PolicyUploads;
import io.leadqualifier.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** {@code /api/v1/policy/shadow}: attach a candidate as the shadow policy, read its agreement, detach or activate it. */
@Path("/api/v1/policy/shadow")
@Tag(name = "Policy")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
public class ShadowResource {
    private final ShadowPolicy shadow;
    private final SecurityIdentity identity;

    ShadowResource(ShadowPolicy shadow, SecurityIdentity identity) {
        this.shadow = shadow;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "getShadowPolicy", summary = "The shadow policy, its check report and its running agreement with the live decisions")
    @APIResponse(responseCode = "200", description = "The shadow policy and its agreement since it was attached (or since the last restart)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShadowView.class)))
    @APIResponse(responseCode = "404", description = "No shadow policy is attached")
    public ShadowView view() {
        return shadow.view().orElseThrow(() -> new NotFoundException("No shadow policy is attached"));
    }

    @PUT
    @RolesAllowed({Roles.REVOPS, Roles.ADMIN})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "attachShadowPolicy",
            summary = "Attach a shadow policy (replacing any): file parts laid over the live policy's files, or a stored version")
    @APIResponse(responseCode = "200", description = "Attached, with its check report (a candidate that fails its checks is attached too)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShadowView.class)))
    @APIResponse(responseCode = "422", description = "The candidate does not compile: problems lists each finding; nothing changed")
    public ShadowView attach(@RestForm(FileUpload.ALL) List<FileUpload> files, @RestForm String version) {
        boolean hasFiles = files != null && !files.isEmpty();
        boolean hasVersion = version != null && !version.isBlank();
        if (hasFiles == hasVersion) {
            throw new BadRequestException("Send either policy files as multipart 'file' parts or a 'version' field, not both");
        }
        return hasFiles ? shadow.attach(PolicyUploads.read(files), actor()) : shadow.attach(version.strip(), actor());
    }

    @DELETE
    @RolesAllowed({Roles.REVOPS, Roles.ADMIN})
    @Operation(operationId = "detachShadowPolicy", summary = "Detach the shadow policy; its agreement is discarded")
    @APIResponse(responseCode = "204", description = "No shadow policy is attached any more")
    public void detach() {
        shadow.detach();
    }

    @POST
    @Path("activate")
    @RolesAllowed({Roles.REVOPS, Roles.ADMIN})
    @Operation(operationId = "activateShadowPolicy",
            summary = "Activate the shadow's candidate through the normal activation path, with every check; it is then detached")
    @APIResponse(responseCode = "200", description = "Activated: the candidate with its check report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyCandidate.class)))
    @APIResponse(responseCode = "409", description = "No shadow policy is attached")
    @APIResponse(responseCode = "422", description = "It failed its checks: problems lists each finding; it stays attached")
    public PolicyCandidate activate() {
        return shadow.activate(actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
