package io.leadqualifier.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.ext.web.RoutingContext;

/**
 * Logging in and out of the console. The login form posts to the form authentication of Quarkus
 * ({@code quarkus.http.auth.form.*}), which checks the built-in credentials and sets an encrypted cookie; logging
 * out drops that cookie.
 */
@Path("/console")
@PermitAll
public class LoginPages {
    private final Pages pages;
    private final Template login;

    LoginPages(Pages pages, @Location("console/login.html") Template login) {
        this.pages = pages;
        this.login = login;
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
        return pages.render(failed ? 401 : 200, login.data("refusal", refusal).data("out", out), "Log in", Section.NONE);
    }

    /** Only a logged-in browser logs out: authenticating the request is what tells the mechanism which cookie to drop. */
    @POST
    @Path("logout")
    @Authenticated
    public Response logout(RoutingContext request) {
        // Also keeps the mechanism from renewing the cookie on this very answer.
        FormAuthenticationMechanism.logout(request);
        return Pages.seeOther("/console/login?out=true");
    }
}
