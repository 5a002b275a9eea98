package io.leadqualifier.evaluation;

/**
 * The policy could not decide on a lead: a rule threw, the rules kept firing past the limit (a loop),
 * or they left the decision incomplete. Nothing is recorded for such an evaluation.
 */
public class EvaluationFailedException extends RuntimeException {
    public EvaluationFailedException(String message) {
        super(message);
    }

    public EvaluationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
