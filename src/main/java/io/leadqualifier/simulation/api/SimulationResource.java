package io.leadqualifier.simulation.api;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.leadqualifier.policy.activation.ActivePolicy;
import io.leadqualifier.policy.candidate.CandidatePolicies;
import io.leadqualifier.policy.candidate.CandidatePolicy;
import io.leadqualifier.policy.candidate.PolicyUploads;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.security.Roles;
import io.leadqualifier.simulation.run.ChangedLeads;
import io.leadqualifier.simulation.run.Population;
import io.leadqualifier.simulation.run.Populations;
import io.leadqualifier.simulation.run.Simulation;
import io.leadqualifier.simulation.run.SimulationJobs;
import io.quarkus.security.identity.SecurityIdentity;

/** {@code /api/v1/simulations}: what a candidate policy would change, before it serves. */
@Path("/api/v1/simulations")
@Tag(name = "Simulations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
public class SimulationResource {
    static final int MAX_PAGE_SIZE = 500;

    private final CandidatePolicies candidates;
    private final ActivePolicy active;
    private final Populations populations;
    private final SimulationJobs jobs;
    private final ChangedLeads changes;
    private final SecurityIdentity identity;

    SimulationResource(CandidatePolicies candidates, ActivePolicy active, Populations populations, SimulationJobs jobs,
            ChangedLeads changes, SecurityIdentity identity) {
        this.candidates = candidates;
        this.active = active;
        this.populations = populations;
        this.jobs = jobs;
        this.changes = changes;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "simulatePolicy", summary = "Simulate a candidate policy (file parts over the serving files, or a stored version)"
            + " against the serving policy (or the stored baseline) over the decisions recorded in [from, to) or a leads file"
            + " (CSV with a mapping, NDJSON, JSON array); runs as a job")
    @APIResponse(responseCode = "202", description = "Queued: follow Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Simulation.class)))
    @APIResponse(responseCode = "422", description = "The candidate does not compile: problems lists why")
    @APIResponse(responseCode = "429", description = "Too many simulations waiting")
    public Response simulate(@RestForm("file") List<FileUpload> files, @RestForm("version") String version,
            @RestForm("baseline") String baseline, @RestForm("from") String from, @RestForm("to") String to,
            @RestForm("leads") FileUpload leads, @RestForm("mapping") String mapping) {
        boolean uploaded = files != null && !files.isEmpty();
        if (uploaded == present(version)) {
            throw new BadRequestException("Give the candidate either as file parts (rules/<name>.drl, decision-tables/<name>.xlsx)"
                    + " or as a stored version, not both");
        }
        Population population = leads != null ? leadsFile(leads, mapping, from, to) : population(from, to);
        String actor = identity.getPrincipal().getName();
        String id;
        try {
            CompiledPolicy base = baseline(baseline);
            CandidatePolicy candidate = uploaded ? candidates.uploaded(PolicyUploads.read(files), actor)
                    : candidates.stored(version.trim(), actor);
            id = jobs.submit(base, candidate, population, actor);
        } catch (RuntimeException e) {
            // Nothing will run: let go of the population's copy of an uploaded file.
            population.close();
            throw e;
        }
        return Response.accepted(find(id)).location(URI.create("/api/v1/simulations/" + id)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getSimulation", summary = "A simulation: status, progress, the candidate's checks and, once done, its report")
    public Simulation simulation(@PathParam("id") String id) {
        return find(id);
    }

    @GET
    @Path("{id}/changes")
    @RolesAllowed({Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getSimulationChanges", summary = "The leads whose verdict changed, in pages, each with both verdicts"
            + " and the rules that fired under one policy and not the other")
    public ChangedLeads.Page changes(@PathParam("id") String id, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("page must be 0 or more and size from 1 to " + MAX_PAGE_SIZE);
        }
        find(id);
        return changes.page(id, page, size);
    }

    private Simulation find(String id) {
        return jobs.find(id).orElseThrow(() -> new NotFoundException("No simulation " + id));
    }

    /** The serving policy, or the stored version asked for. */
    private CompiledPolicy baseline(String version) {
        CompiledPolicy serving = active.require().policy();
        if (!present(version) || version.trim().equals(serving.version())) {
            return serving;
        }
        return candidates.stored(version.trim(), identity.getPrincipal().getName()).policy();
    }

    private Population leadsFile(FileUpload leads, String mapping, String from, String to) {
        if (present(from) || present(to)) {
            throw new BadRequestException("Give the population either as a leads file or as from and to, not both");
        }
        String name = leads.fileName() == null || leads.fileName().isBlank() ? "leads" : leads.fileName();
        return populations.leadsFile(leads.uploadedFile(), name, mapping);
    }

    private Population population(String from, String to) {
        if (!present(from) || !present(to)) {
            throw new BadRequestException("Give the population: from and to (ISO-8601 instants) bound the recorded decisions evaluated in [from, to),"
                    + " or a leads file (with a mapping for a CSV)");
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!start.isBefore(end)) {
            throw new BadRequestException("from must be before to");
        }
        return populations.recorded(start, end);
    }

    private static Instant instant(String name, String text) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2026-11-22T10:00:00Z");
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
