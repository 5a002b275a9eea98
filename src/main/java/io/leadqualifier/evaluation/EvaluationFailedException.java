package io.leadqualifier.evaluation;

import io.leadqualifier.system.Problem;
import io.leadqualifier.system.ProblemException;

/**
 * The policy could not decide on a lead: a rule threw, the rules kept firing past the limit (a loop),
 * or they left the decision incomplete. Nothing is recorded for such an evaluation.
 */
public class EvaluationFailedException extends ProblemException {
    public EvaluationFailedException(String message) {
        super(message);
    }

    public EvaluationFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Problem problem() {
        return Problem.of("evaluation-failed", "The policy could not decide on this lead", 500, getMessage() + ". Nothing was recorded.");
    }
}
