package io.leadqualifier.system;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.leadqualifier.policy.ActivePolicy;

/** Ready only once a policy is active: before that, no lead can be qualified. */
@Readiness
@ApplicationScoped
public class PolicyReadinessCheck implements HealthCheck {
    private final ActivePolicy active;

    PolicyReadinessCheck(ActivePolicy active) {
        this.active = active;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("policy");
        return active.current()
                .map(serving -> response.up().withData("version", serving.policy().version())
                        .withData("activatedAt", serving.activatedAt().toString())
                        .withData("rules", serving.policy().ruleSources().size()).build())
                .orElseGet(() -> response.down().withData("reason", "no policy is active yet").build());
    }
}
