package io.leadqualifier.policy;

/** A submitted policy failed its checks; the running policy keeps serving. */
public class PolicyRejectedException extends RuntimeException {
    private final PolicyCandidate candidate;

    public PolicyRejectedException(PolicyCandidate candidate) {
        super("Policy " + candidate.version() + " was rejected with " + candidate.errorCount()
                + " error(s); the running policy keeps serving");
        this.candidate = candidate;
    }

    public PolicyCandidate candidate() {
        return candidate;
    }
}
