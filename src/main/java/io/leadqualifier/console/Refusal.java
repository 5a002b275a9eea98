package io.leadqualifier.console;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import io.leadqualifier.system.Problem;
import io.leadqualifier.system.ProblemException;

/**
 * What a page shows when the service refuses an action: the problem the API would answer (title, status, detail,
 * the invalid fields, a rejected policy's findings), in the page where the action was tried.
 */
public record Refusal(String title, int status, String detail, List<Problem.FieldError> errors, List<?> problems) {

    public static Refusal of(Problem problem) {
        return new Refusal(problem.title(), problem.status(), problem.detail(), problem.errors() == null ? List.of() : problem.errors(),
                problem.problems() == null ? List.of() : problem.problems());
    }

    /**
     * The refusal behind a failure of a service the API also calls: a feature's problem, or a 4xx the resources
     * throw (bad request, not found). Anything else is not a refusal and is thrown again, for the error page.
     */
    public static Refusal of(RuntimeException failure) {
        if (failure instanceof ProblemException problem && !problem.isServerFault()) {
            return of(problem.problem());
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            Response.StatusType type = Response.Status.fromStatusCode(status);
            return new Refusal(type == null ? "HTTP " + status : type.getReasonPhrase(), status, web.getMessage(), List.of(), List.of());
        }
        throw failure;
    }
}
