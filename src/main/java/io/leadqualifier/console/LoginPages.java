package io.leadqualifier.console;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Logging in and out of the console. The login form posts to the form authentication of Quarkus
 * ({@code quarkus.http.auth.form.*}), which checks the built-in credentials and sets an encrypted cookie; logging
 * out drops that cookie. With the company's OIDC provider (profile {@code oidc}), the login page sends to the
 * provider instead, and logging out drops the OIDC session cookie (the provider's own session is the provider's).
 */
@Path("/console")
@PermitAll
public class LoginPages {
    private final Pages pages;
    private final Template login;
    private final boolean oidc;
    private final Instance<OidcSession> oidcSession;

    LoginPages(Pages pages, @Location("console/login.html") Template login,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean oidc, Instance<OidcSession> oidcSession) {
        this.pages = pages;
        this.login = login;
        this.oidc = oidc;
        this.oidcSession = oidcSession;
    }

    @GET
    public Response home() {
        return Pages.seeOther("/console/policy");
    }

    @GET
    @Path("login")
    public Response login(@QueryParam("failed") boolean failed, @QueryParam("out") boolean out) {
        Refusal refusal = failed ? new Refusal("Not logged in", 401, "The user or the password was not accepted.",
                java.util.List.of(), java.util.List.of()) : null;
        return pages.render(failed ? 401 : 200, login.data("refusal", refusal).data("out", out).data("oidc", oidc), "Log in",
                Section.NONE);
    }

    /**
     * The OIDC provider's login: a browser without a session is sent to the provider by the HTTP layer
     * ({@code quarkus.http.auth.permission.console-sso}) and comes back here logged in.
     */
    @GET
    @Path("sso")
    @Authenticated
    public Response sso() {
        return Pages.seeOther("/console/policy");
    }

    /** Only a logged-in browser logs out: authenticating the request is what tells the mechanism which cookie to drop. */
    @POST
    @Path("logout")
    @Authenticated
    public Uni<Response> logout(RoutingContext request) {
        if (oidc) {
            return oidcSession.get().logout().replaceWith(() -> Pages.seeOther("/console/login?out=true"));
        }
        // Also keeps the mechanism from renewing the cookie on this very answer.
        FormAuthenticationMechanism.logout(request);
        return Uni.createFrom().item(Pages.seeOther("/console/login?out=true"));
    }
}
