package io.leadqualifier.policy.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.leadqualifier.policy.activation.ActivePolicy;
import io.leadqualifier.policy.activation.PolicyAdministration;
import io.leadqualifier.policy.archive.PolicyArchive;
import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.policy.archive.PolicyVersionRecord;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.security.Roles;
import io.leadqualifier.system.Sha256;
import io.quarkus.security.identity.SecurityIdentity;

/** {@code /api/v1/policy}: the active policy, its versions and history, validation, upload, rollback, diff. */
@Path("/api/v1/policy")
@Tag(name = "Policy")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
public class PolicyResource {
    private final ActivePolicy active;
    private final PolicyArchive archive;
    private final PolicyAdministration administration;
    private final SecurityIdentity identity;

    PolicyResource(ActivePolicy active, PolicyArchive archive, PolicyAdministration administration, SecurityIdentity identity) {
        this.active = active;
        this.archive = archive;
        this.administration = administration;
        this.identity = identity;
    }

    /** A policy file as listed: its path, hash and size. */
    public record FileView(String path, String sha256, int bytes) {
        static List<FileView> of(List<PolicyFile> files) {
            return files.stream().map(f -> new FileView(f.path(), Sha256.hex(f.content()), f.content().length)).toList();
        }
    }

    /** The serving policy. */
    public record ActiveView(String version, Instant activatedAt, int rules, List<FileView> files) {
    }

    /** A version in the list. */
    public record VersionSummary(String version, Instant createdAt, int files, boolean active, List<Instant> activations,
            String lastStatus) {
    }

    /** One version: its files, activations and every candidate that submitted it, with their reports. */
    public record VersionView(String version, Instant createdAt, boolean active, List<Instant> activations,
            List<FileView> files, List<PolicyCandidate> candidates) {
    }

    @GET
    @Operation(operationId = "getActivePolicy", summary = "The active policy: version, activation time and files")
    public ActiveView active() {
        ActivePolicy.Serving serving = active.require();
        return new ActiveView(serving.policy().version(), serving.activatedAt(), serving.policy().ruleSources().size(),
                FileView.of(serving.policy().files()));
    }

    @GET
    @Path("versions")
    @Operation(operationId = "listPolicyVersions", summary = "Policy versions, newest first, with whether each served and how its last candidate fared")
    public List<VersionSummary> versions(@QueryParam("limit") @DefaultValue("100") int limit) {
        String activeVersion = active.current().map(s -> s.policy().version()).orElse(null);
        List<PolicyVersionRecord> records = archive.versions(Math.max(1, Math.min(limit, 1000)));
        Map<String, PolicyArchive.VersionHistory> histories = archive.histories(records.stream().map(record -> record.version).toList());
        List<VersionSummary> versions = new ArrayList<>();
        for (PolicyVersionRecord record : records) {
            PolicyArchive.VersionHistory history = histories.get(record.version);
            versions.add(new VersionSummary(record.version, record.createdAt, record.fileCount,
                    record.version.equals(activeVersion), history.activations(), history.lastStatus()));
        }
        return versions;
    }

    @GET
    @Path("versions/{version}")
    @Operation(operationId = "getPolicyVersion", summary = "One version with its files, activations and check reports")
    public VersionView version(@PathParam("version") String version) {
        PolicyVersionRecord record = archive.version(version).orElseThrow(() -> new NotFoundException("No policy version " + version));
        boolean isActive = active.current().map(s -> s.policy().version().equals(version)).orElse(false);
        return new VersionView(version, record.createdAt, isActive, archive.activations(version),
                FileView.of(archive.files(version)), archive.candidates(version, 100));
    }

    @GET
    @Path("versions/{version}/files/{path: .+}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Operation(operationId = "downloadPolicyFile", summary = "Download one file of a version")
    @APIResponse(responseCode = "200", description = "The file's bytes",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("version") String version, @PathParam("path") String path) {
        PolicyFile file = archive.files(version).stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new NotFoundException("No file " + path + " in policy version " + version));
        String type = path.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "text/plain; charset=UTF-8";
        return Response.ok(file.content(), type)
                .header("Content-Disposition", "attachment; filename=\"" + path.substring(path.lastIndexOf('/') + 1) + "\"")
                .build();
    }

    @GET
    @Path("candidates")
    @Operation(operationId = "listPolicyCandidates", summary = "Every submitted policy, newest first: activated and rejected, with who, when, origin and report")
    public List<PolicyCandidate> candidates(@QueryParam("limit") @DefaultValue("100") int limit) {
        return archive.candidates(null, Math.max(1, Math.min(limit, 1000)));
    }

    @POST
    @RolesAllowed({Roles.REVOPS, Roles.ADMIN})
    @Path("validate")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "validatePolicy", summary = "Check files (added to or replacing the current ones) without activating anything")
    public PolicyCandidate validate(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        return administration.validate(PolicyUploads.read(files), actor());
    }

    @POST
    @RolesAllowed({Roles.REVOPS, Roles.ADMIN})
    @Path("files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "uploadPolicy", summary = "Upload files; once the policy passes its checks they are written into the policy folders and activated")
    @APIResponse(responseCode = "200", description = "Activated: the candidate with its check report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyCandidate.class)))
    @APIResponse(responseCode = "422", description = "The policy failed its checks: problems lists each finding; nothing changed")
    public PolicyCandidate upload(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        return administration.upload(PolicyUploads.read(files), actor());
    }

    @POST
    @RolesAllowed({Roles.REVOPS, Roles.ADMIN})
    @Path("versions/{version}/activate")
    @Operation(operationId = "activatePolicyVersion", summary = "Activate an earlier version (rollback), after the same checks; its files go back into the folders")
    @APIResponse(responseCode = "200", description = "Activated: the candidate with its check report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyCandidate.class)))
    @APIResponse(responseCode = "422", description = "The version failed its checks: problems lists each finding; nothing changed")
    public PolicyCandidate activate(@PathParam("version") String version) {
        return administration.activate(version, actor());
    }

    @GET
    @Path("diff")
    @Operation(operationId = "diffPolicyVersions", summary = "What changed between two versions (to defaults to the active one), in business terms")
    @APIResponse(responseCode = "200", description = "The changes: per file, the rules and cells added, removed or changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "from, to, and changes: a list of {file, kind, rule, column, before, after, text}")))
    public Map<String, Object> diff(@QueryParam("from") String from, @QueryParam("to") String to) {
        if (from == null || from.isBlank()) {
            throw new BadRequestException("Query parameter 'from' (a version) is required");
        }
        String target = to == null || to.isBlank() ? active.require().policy().version() : to;
        List<PolicyFile> before = archive.files(from);
        List<PolicyFile> after = archive.files(target);
        if (before.isEmpty()) {
            throw new NotFoundException("No policy version " + from);
        }
        if (after.isEmpty()) {
            throw new NotFoundException("No policy version " + target);
        }
        return Map.of("from", from, "to", target, "changes", PolicyDiff.between(before, after));
    }

    /** Who changes the policy, as recorded with the candidate: the authenticated user and how. */
    private String actor() {
        return identity.getPrincipal().getName();
    }

}
