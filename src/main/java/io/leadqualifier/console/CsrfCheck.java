package io.leadqualifier.console;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.leadqualifier.system.Problem;
import io.leadqualifier.system.ProblemException;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses every console request that may change something (any method but GET and HEAD) unless its form carries the
 * browser's {@link CsrfToken}. Pages need not check it themselves; a form only has to include the token field (the
 * layout's {@code csrf} value).
 */
public class CsrfCheck {

    @ServerRequestFilter
    @WithFormRead
    public void check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        String path = routing.normalizedPath();
        if (!path.startsWith("/console/") || request.getMethod().equals(HttpMethod.GET) || request.getMethod().equals(HttpMethod.HEAD)) {
            return;
        }
        MediaType type = request.getMediaType();
        String field = null;
        if (type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            Object value = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormParameter(CsrfToken.NAME, true, false);
            field = value instanceof String text ? text : null;
        }
        Cookie cookie = routing.request().getCookie(CsrfToken.NAME);
        if (!CsrfToken.matches(cookie == null ? null : cookie.getValue(), field)) {
            throw new Refused();
        }
    }

    /** A console form without the browser's token: sent from elsewhere, or from a page older than the cookie. */
    static final class Refused extends ProblemException {
        Refused() {
            super("CSRF token missing or wrong");
        }

        @Override
        public Problem problem() {
            return Problem.of("csrf", "Form refused", 403,
                    "This form did not come from a page of the console you are logged in to (its CSRF token is missing or wrong). "
                            + "Reload the page and send it again.");
        }
    }
}
