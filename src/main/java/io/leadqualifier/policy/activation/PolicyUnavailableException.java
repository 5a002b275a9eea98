package io.leadqualifier.policy.activation;

import io.leadqualifier.system.Problem;
import io.leadqualifier.system.ProblemException;

/** No policy is active yet, so no lead can be qualified. */
public class PolicyUnavailableException extends ProblemException {
    public PolicyUnavailableException() {
        super("No policy is active yet");
    }

    @Override
    public Problem problem() {
        return Problem.of("policy-unavailable", "No active policy", 503, getMessage());
    }
}
