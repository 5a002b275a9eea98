package io.leadqualifier.qualification.batch;

import java.util.UUID;

import jakarta.persistence.PersistenceException;

import io.leadqualifier.system.Problem;
import io.leadqualifier.system.ProblemException;
import io.quarkus.logging.Log;

/** The problem a line gets when qualifying it fails: the same problem a single request would have been answered with. */
final class LineProblems {
    private LineProblems() {
    }

    static Problem of(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ProblemException problem) {
            if (problem.isServerFault()) {
                Log.errorf("%s: %s", problem.problem().title(), problem.getMessage());
            }
            return problem.problem();
        }
        String incident = UUID.randomUUID().toString();
        if (cause instanceof PersistenceException) {
            Log.errorf(cause, "Decision store failure in a batch (incident %s)", incident);
            return Problem.of("store-unavailable", "Decision store unavailable", 503,
                    "The decision could not be recorded, so none is returned; retry later (incident " + incident + ")");
        }
        Log.errorf(cause, "Unexpected error in a batch line (incident %s)", incident);
        return Problem.of("internal", "Internal error", 500, "An unexpected error occurred (incident " + incident + ")");
    }
}
