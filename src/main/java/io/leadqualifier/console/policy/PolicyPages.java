package io.leadqualifier.console.policy;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.leadqualifier.console.Pages;
import io.leadqualifier.console.Section;
import io.leadqualifier.policy.activation.ActivePolicy;
import io.leadqualifier.policy.api.PolicyResource;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** The policy as it serves: its tables and rules, and the versions it has had. Same roles as GET /api/v1/policy. */
@Path("/console/policy")
@RolesAllowed({Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
public class PolicyPages {
    private final Pages pages;
    private final PolicyResource api;
    private final ActivePolicy active;
    private final Template policy;
    private final Template version;

    PolicyPages(Pages pages, PolicyResource api, ActivePolicy active, @Location("console/policy/active.html") Template policy,
            @Location("console/policy/version.html") Template version) {
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
    public Response version(@PathParam("version") String id) {
        return pages.ok(version.data("version", api.version(id)), "Policy version " + id, Section.POLICY);
    }
}
