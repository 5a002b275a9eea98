package io.leadqualifier.console.policy;

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

import io.leadqualifier.console.Pages;
import io.leadqualifier.console.Refusal;
import io.leadqualifier.console.Section;
import io.leadqualifier.policy.activation.PolicyAdministration;
import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.policy.candidate.PolicyUploads;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Changing the policy: upload files, read their check report (compile errors with file and line, failing scenarios
 * with expected and actual, lint), then activate them. The same checks as {@code POST /api/v1/policy/validate} and
 * {@code /files}, by the same service, with the same roles.
 */
@Path("/console/policy/changes")
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
public class ChangePages {
    private final Pages pages;
    private final PolicyAdministration administration;
    private final StagedChanges staged;
    private final SecurityIdentity identity;
    private final Template changes;

    ChangePages(Pages pages, PolicyAdministration administration, StagedChanges staged, SecurityIdentity identity,
            @Location("console/policy/changes.html") Template changes) {
        this.pages = pages;
        this.administration = administration;
        this.staged = staged;
        this.identity = identity;
        this.changes = changes;
    }

    @GET
    public Response form() {
        return page(200, changes.instance());
    }

    /** Checks the uploaded files with the rest of the current policy; nothing serves until Activate. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response check(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        try {
            List<PolicyFile> uploaded = PolicyUploads.read(files);
            PolicyCandidate report = administration.validate(uploaded, user());
            TemplateInstance page = changes.data("report", report).data("uploaded", uploaded.stream().map(PolicyFile::path).toList());
            if (report.status() == PolicyCandidate.Status.VALID) {
                page.data("staged", staged.stage(user(), uploaded));
            }
            return page(200, page);
        } catch (RuntimeException refused) {
            Refusal refusal = Refusal.of(refused);
            return page(refusal.status(), changes.data("refusal", refusal));
        }
    }

    /** Activates the files checked on the report page, after the same checks again. */
    @POST
    @Path("{staged}/activate")
    public Response activate(@PathParam("staged") String id) {
        List<PolicyFile> files = staged.take(user(), id).orElse(null);
        if (files == null) {
            Refusal gone = new Refusal("Nothing to activate", 409,
                    "These files are no longer kept (30 minutes after their check, or already activated): upload them again.", List.of(), List.of());
            return page(409, changes.data("refusal", gone));
        }
        try {
            PolicyCandidate activated = administration.upload(files, user());
            return Pages.seeOther("/console/policy/versions/" + activated.version() + "?activated=true");
        } catch (RuntimeException refused) {
            Refusal refusal = Refusal.of(refused);
            return page(refusal.status(), changes.data("refusal", refusal));
        }
    }

    private Response page(int status, TemplateInstance page) {
        return pages.render(status, page, "Change the policy", Section.CHANGES);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
