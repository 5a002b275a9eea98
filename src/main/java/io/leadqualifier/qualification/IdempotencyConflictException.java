package io.leadqualifier.qualification;

import io.leadqualifier.system.Problem;
import io.leadqualifier.system.ProblemException;

/** An idempotency key reused with a different request body. */
public class IdempotencyConflictException extends ProblemException {
    public IdempotencyConflictException(String key) {
        super("Idempotency-Key '" + key + "' was already used with a different request body");
    }

    @Override
    public Problem problem() {
        return Problem.of("idempotency-conflict", "Idempotency key reused", 422, getMessage());
    }
}
