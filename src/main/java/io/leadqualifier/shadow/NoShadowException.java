package io.leadqualifier.shadow;

import io.leadqualifier.system.Problem;
import io.leadqualifier.system.ProblemException;

/** Asked to activate the shadow policy when none is attached. */
public class NoShadowException extends ProblemException {
    public NoShadowException() {
        super("No shadow policy is attached: attach one with PUT /api/v1/policy/shadow");
    }

    @Override
    public Problem problem() {
        return Problem.of("conflict", "Conflict", 409, getMessage());
    }
}
