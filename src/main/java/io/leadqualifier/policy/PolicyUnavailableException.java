package io.leadqualifier.policy;

/** No policy is active yet, so no lead can be qualified. */
public class PolicyUnavailableException extends RuntimeException {
    public PolicyUnavailableException() {
        super("No policy is active yet");
    }
}
