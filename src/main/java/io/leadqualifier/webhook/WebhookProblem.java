package io.leadqualifier.webhook;

import java.util.List;

import io.leadqualifier.system.Problem;
import io.leadqualifier.system.ProblemException;

/** What the webhook endpoints refuse, as problems. */
public final class WebhookProblem extends ProblemException {
    private final transient Problem problem;

    private WebhookProblem(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    /** One invalid field of a request: its JSON path and what is wrong. */
    public static WebhookProblem invalid(String field, String message) {
        return new WebhookProblem(Problem.of("validation", "Invalid request", 400, "1 field is invalid")
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }

    public static WebhookProblem notFound(String subscriptionId) {
        return new WebhookProblem(Problem.of("not-found", "Not Found", 404, "No webhook subscription " + subscriptionId));
    }

    public static WebhookProblem conflict(String detail) {
        return new WebhookProblem(Problem.of("conflict", "Conflict", 409, detail));
    }

    @Override
    public Problem problem() {
        return problem;
    }
}
