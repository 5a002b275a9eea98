package io.leadqualifier.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.leadqualifier.security.Roles;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/** Renders a page's template inside the console layout ({@link Frame}) as an HTML answer. */
@ApplicationScoped
public class Pages {
    private static final List<Section> NAV = Arrays.stream(Section.values()).filter(s -> s != Section.NONE).toList();
    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;

    Pages(SecurityIdentity identity, CurrentVertxRequest request) {
        this.identity = identity;
        this.request = request;
    }

    public Response ok(TemplateInstance page, String title, Section section) {
        return render(200, page, title, section);
    }

    /** The page with a status of its own: a refused action's page answers the problem's status. */
    public Response render(int status, TemplateInstance page, String title, Section section) {
        String html = page.data("frame", frame(title, section)).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    /** Where to go after an action that worked (post, redirect, get: a reload does not repeat it). */
    public static Response seeOther(String location) {
        return Response.seeOther(java.net.URI.create(location)).build();
    }

    private Frame frame(String title, Section section) {
        boolean anonymous = identity.isAnonymous();
        List<String> roles = new ArrayList<>(Roles.ALL.stream().filter(identity::hasRole).toList());
        return new Frame(title, section, anonymous ? null : identity.getPrincipal().getName(), List.copyOf(roles),
                CsrfToken.of(request.getCurrent()), NAV);
    }
}
