package io.leadqualifier.policy.activation;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadqualifier.policy.compile.CompiledPolicy;

/**
 * The policy serving now. Activation is one atomic swap: an evaluation takes the current policy once
 * and finishes on it, whatever is activated meanwhile.
 */
@ApplicationScoped
public class ActivePolicy {

    /** A compiled policy and the instant it started serving. */
    public record Serving(CompiledPolicy policy, Instant activatedAt) {
    }

    private final AtomicReference<Serving> current = new AtomicReference<>();

    public Optional<Serving> current() {
        return Optional.ofNullable(current.get());
    }

    public Serving require() {
        Serving serving = current.get();
        if (serving == null) {
            throw new PolicyUnavailableException();
        }
        return serving;
    }

    void activate(CompiledPolicy policy, Instant activatedAt) {
        current.set(new Serving(policy, activatedAt));
    }
}
