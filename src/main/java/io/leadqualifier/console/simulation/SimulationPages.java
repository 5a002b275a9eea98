package io.leadqualifier.console.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.console.Pages;
import io.leadqualifier.console.Refusal;
import io.leadqualifier.console.Section;
import io.leadqualifier.policy.api.PolicyResource;
import io.leadqualifier.security.Roles;
import io.leadqualifier.simulation.api.SimulationResource;
import io.leadqualifier.simulation.run.Simulation;
import io.leadqualifier.simulation.run.SimulationStatus;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * Simulations in the console: the start form, a simulation's page (its progress while it runs, polled with htmx; its
 * report once done), through {@code /api/v1/simulations}'s resource bean. Same roles: RevOps and admins start one;
 * auditors read them.
 */
@Path("/console/simulations")
@RolesAllowed({Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
public class SimulationPages {
    private final Pages pages;
    private final SimulationResource simulations;
    private final PolicyResource policy;
    private final Clock clock;
    private final ObjectMapper json;
    private final Template start;
    private final Template simulation;
    private final Template progress;

    SimulationPages(Pages pages, SimulationResource simulations, PolicyResource policy, Clock clock, ObjectMapper json,
            @Location("console/simulation/start.html") Template start, @Location("console/simulation/simulation.html") Template simulation,
            @Location("console/simulation/progress.html") Template progress) {
        this.pages = pages;
        this.simulations = simulations;
        this.policy = policy;
        this.clock = clock;
        this.json = json;
        this.start = start;
        this.simulation = simulation;
        this.progress = progress;
    }

    /** The start form as sent, shown back with a refusal. */
    public record StartForm(String candidate, String version, String baseline, String population, String from, String to, String mapping) {
    }

    @GET
    public Response startForm() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return form(200, new StartForm("version", null, null, "recorded", now.minus(30, ChronoUnit.DAYS).toString(), now.toString(), null), null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.REVOPS, Roles.ADMIN})
    public Response startSimulation(@RestForm("candidate") String candidate, @RestForm("file") List<FileUpload> files,
            @RestForm("version") String version, @RestForm("baseline") String baseline, @RestForm("population") String population,
            @RestForm("from") String from, @RestForm("to") String to, @RestForm("leads") FileUpload leads, @RestForm("mapping") String mapping) {
        StartForm sent = new StartForm(candidate, version, baseline, population, from, to, mapping);
        // A form sends its file fields and the fields of the choice not taken too: only the chosen ones go to the API.
        boolean asFiles = "files".equals(candidate);
        boolean asLeadsFile = "file".equals(population);
        try {
            Response accepted = simulations.simulate(asFiles ? chosen(files) : List.of(), asFiles ? null : version, blankToNull(baseline),
                    asLeadsFile ? null : from, asLeadsFile ? null : to, asLeadsFile ? chosen(leads) : null, asLeadsFile ? blankToNull(mapping) : null);
            return Pages.seeOther("/console/simulations/" + ((Simulation) accepted.getEntity()).id());
        } catch (RuntimeException refused) {
            Refusal refusal = Refusal.of(refused);
            return form(refusal.status(), sent, refusal);
        }
    }

    @GET
    @Path("{id}")
    public Response simulation(@PathParam("id") String id) {
        Simulation found = simulations.simulation(id);
        var page = simulation.data("s", found).data("running", running(found)).data("stages", null).data("temperatures", null)
                .data("routes", null).data("bandChart", null).data("sweepChart", null);
        if (found.report() != null) {
            page.data("stages", MatrixView.of("Stages", found.report().stages(), json))
                    .data("temperatures", MatrixView.of("Temperatures", found.report().temperatures(), json))
                    .data("routes", MatrixView.of("Routes", found.report().routes(), json));
            if (found.report().calibration() != null) {
                page.data("bandChart", CalibrationCharts.bands(found.report().calibration()).json(json))
                        .data("sweepChart", CalibrationCharts.sweep(found.report().calibration().candidate().mqlThreshold()).json(json));
            }
        }
        return pages.ok(page, "Simulation " + id, Section.SIMULATIONS);
    }

    /** The progress alone, for the page's polling; once the job has ended, htmx reloads the page to show the report. */
    @GET
    @Path("{id}/progress")
    public Response progress(@PathParam("id") String id) {
        Simulation found = simulations.simulation(id);
        Response page = pages.ok(progress.data("s", found).data("running", running(found)), "Simulation " + id, Section.SIMULATIONS);
        return running(found) ? page : Response.fromResponse(page).header("HX-Refresh", "true").build();
    }

    private Response form(int status, StartForm sent, Refusal refusal) {
        return pages.render(status, start.data("form", sent).data("refusal", refusal).data("versions", policy.versions(100)),
                "Simulate a policy", Section.SIMULATIONS);
    }

    private static boolean running(Simulation simulation) {
        return simulation.status() == SimulationStatus.QUEUED || simulation.status() == SimulationStatus.RUNNING;
    }

    private static List<FileUpload> chosen(List<FileUpload> files) {
        return files == null ? List.of() : files.stream().filter(file -> chosen(file) != null).toList();
    }

    /** A file field left empty still sends a part, with no name and no bytes. */
    private static FileUpload chosen(FileUpload file) {
        return file == null || file.size() == 0 && (file.fileName() == null || file.fileName().isBlank()) ? null : file;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
