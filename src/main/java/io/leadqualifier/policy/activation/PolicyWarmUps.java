package io.leadqualifier.policy.activation;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.compile.PhaseTimer;
import io.quarkus.arc.All;
import io.quarkus.logging.Log;

/**
 * Runs every {@link PolicyWarmUp} on a policy that has just been activated, one policy at a time, on one
 * background thread of low priority: never on a request, never before the swap. A policy replaced before
 * its turn is not warmed up.
 */
@ApplicationScoped
public class PolicyWarmUps {
    private final List<PolicyWarmUp> warmUps;
    private final ActivePolicy active;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread warmUp = new Thread(task, "policy-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        return warmUp;
    });

    // @All, as for the checks: a plain Instance<PolicyWarmUp> lets Quarkus remove the beans as unused.
    PolicyWarmUps(@All List<PolicyWarmUp> warmUps, ActivePolicy active) {
        this.warmUps = warmUps;
        this.active = active;
    }

    void afterActivation(CompiledPolicy policy) {
        thread.execute(() -> {
            if (active.current().map(serving -> serving.policy() != policy).orElse(true)) {
                return;
            }
            PhaseTimer timer = new PhaseTimer();
            for (PolicyWarmUp warmUp : warmUps) {
                try {
                    warmUp.warmUp(policy);
                } catch (RuntimeException e) {
                    // The checks passed on the same policy: a failure here is worth a line, not a rejection.
                    Log.warnf("Warming up policy %s failed: %s", policy.version(), e.getMessage());
                }
                timer.lap(PhaseTimer.nameOf(warmUp));
            }
            Log.debugf("Warmed up policy %s in %s", policy.version(), timer);
        });
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
