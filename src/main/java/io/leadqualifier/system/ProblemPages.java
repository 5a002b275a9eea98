package io.leadqualifier.system;

import java.util.Optional;

import jakarta.ws.rs.core.Response;

/**
 * Shows a problem to people, as a page, on the paths a feature serves pages on (the console). {@code system} knows
 * no feature, so the feature provides this bean and {@link ProblemMappers} asks it before answering problem+json.
 */
public interface ProblemPages {

    /** A page showing the problem when {@code path} (without its leading slash) is one of the feature's pages. */
    Optional<Response> render(Problem problem, String path);
}
