package io.leadqualifier.console.policy;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.leadqualifier.console.Pages;
import io.leadqualifier.console.Refusal;
import io.leadqualifier.console.Section;
import io.leadqualifier.policy.activation.ActivePolicy;
import io.leadqualifier.policy.api.PolicyResource;
import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * The policy as it serves (its tables and rules), the versions it has had, rollback, the diff of two versions and
 * the rejected attempts. Through the API's own resource bean, so the same roles and refusals apply.
 */
@Path("/console/policy")
@RolesAllowed({Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
public class PolicyPages {
    private final Pages pages;
    private final PolicyResource api;
    private final ActivePolicy active;
    private final Template policy;
    private final Template version;
    private final Template rejected;
    private final Template diff;

    PolicyPages(Pages pages, PolicyResource api, ActivePolicy active, @Location("console/policy/active.html") Template policy,
            @Location("console/policy/version.html") Template version, @Location("console/policy/rejected.html") Template rejected,
            @Location("console/policy/diff.html") Template diff) {
        this.rejected = rejected;
        this.diff = diff;
        this.pages = pages;
        this.api = api;
        this.active = active;
        this.policy = policy;
        this.version = version;
    }

    @GET
    public Response activePolicy() {
        List<PolicyFile> files = active.require().policy().files();
        return pages.ok(policy.data("policy", api.active())
                .data("tables", files.stream().filter(f -> f.path().endsWith(".xlsx")).map(WorkbookView::of).toList())
                .data("drl", files.stream().filter(f -> f.path().endsWith(".drl")).map(DrlView::of).toList())
                .data("versions", api.versions(100)), "Active policy", Section.POLICY);
    }

    @GET
    @Path("versions/{version}")
    public Response version(@PathParam("version") String id, @QueryParam("activated") boolean activated) {
        return pages.ok(version.data("version", api.version(id)).data("activated", activated), "Policy version " + id, Section.POLICY);
    }

    /** Rollback: the version passes the same checks again, then serves. Same roles as the API's. */
    @POST
    @Path("versions/{version}/activate")
    @RolesAllowed({Roles.REVOPS, Roles.ADMIN})
    public Response activate(@PathParam("version") String id) {
        try {
            api.activate(id);
            return Pages.seeOther("/console/policy/versions/" + id + "?activated=true");
        } catch (RuntimeException refused) {
            Refusal refusal = Refusal.of(refused);
            return pages.render(refusal.status(), version.data("version", api.version(id)).data("refusal", refusal),
                    "Policy version " + id, Section.POLICY);
        }
    }

    /** Every policy that was refused, whatever its origin (save on disk, upload, rollback), with its report. */
    @GET
    @Path("rejected")
    public Response rejected() {
        List<PolicyCandidate> refused = api.candidates(1000).stream().filter(c -> c.status() == PolicyCandidate.Status.REJECTED)
                .limit(100).toList();
        return pages.ok(rejected.data("candidates", refused), "Rejected policies", Section.REJECTED);
    }

    /** Two versions side by side in business terms: cells by rule and column, rules by name. */
    @GET
    @Path("diff")
    public Response diff(@QueryParam("from") String from, @QueryParam("to") String to) {
        List<PolicyResource.VersionSummary> versions = api.versions(100);
        TemplateInstance page = diff.data("versions", versions).data("from", from).data("to", to);
        if (from != null && !from.isBlank()) {
            try {
                page.data("diff", api.diff(from, to));
            } catch (RuntimeException refused) {
                Refusal refusal = Refusal.of(refused);
                return pages.render(refusal.status(), page.data("refusal", refusal), "Diff of two versions", Section.DIFF);
            }
        }
        return pages.ok(page, "Diff of two versions", Section.DIFF);
    }
}
