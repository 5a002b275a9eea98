package io.leadqualifier.system;

/**
 * A failure a feature answers with a problem of its own. Features throw subclasses; {@link ProblemMappers}
 * maps them all in one place without knowing any feature.
 */
public abstract class ProblemException extends RuntimeException {
    protected ProblemException(String message) {
        super(message);
    }

    protected ProblemException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The problem+json body the client gets. */
    public abstract Problem problem();

    /** Whether the failure is the service's (logged as an error) rather than the request's. */
    public boolean isServerFault() {
        return problem().status() >= 500;
    }
}
