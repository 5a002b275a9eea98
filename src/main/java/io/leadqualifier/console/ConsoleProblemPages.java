package io.leadqualifier.console;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.leadqualifier.system.Problem;
import io.leadqualifier.system.ProblemPages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * Under /console, a refusal nobody caught in its page (a role not allowed, an unknown page) is shown as a page, and
 * a login that is missing or failed sends the browser to the login page.
 */
@ApplicationScoped
public class ConsoleProblemPages implements ProblemPages {
    private final Pages pages;
    private final Template error;

    ConsoleProblemPages(Pages pages, @Location("console/error.html") Template error) {
        this.pages = pages;
        this.error = error;
    }

    @Override
    public Optional<Response> render(Problem problem, String path) {
        if (!path.equals("console") && !path.startsWith("console/")) {
            return Optional.empty();
        }
        if (problem.status() == 401) {
            return Optional.of(Pages.seeOther(path.equals("console/j_security_check") ? "/console/login?failed=true" : "/console/login"));
        }
        return Optional.of(pages.render(problem.status(), error.data("refusal", Refusal.of(problem)), problem.title(), Section.NONE));
    }
}
