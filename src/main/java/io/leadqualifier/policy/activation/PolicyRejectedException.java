package io.leadqualifier.policy.activation;

import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.system.Problem;
import io.leadqualifier.system.ProblemException;

/** A submitted policy failed its checks; the running policy keeps serving. */
public class PolicyRejectedException extends ProblemException {
    private final PolicyCandidate candidate;

    public PolicyRejectedException(PolicyCandidate candidate) {
        super("Policy " + candidate.version() + " was rejected with " + candidate.errorCount()
                + " error(s); the running policy keeps serving");
        this.candidate = candidate;
    }

    public PolicyCandidate candidate() {
        return candidate;
    }

    @Override
    public Problem problem() {
        return Problem.of("policy-rejected", "Policy rejected", 422, getMessage()).withProblems(candidate.problems());
    }
}
