package io.leadqualifier.policy.activation;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.leadqualifier.policy.archive.PolicyArchive;
import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.policy.source.PolicyProblem;


/**
 * Ready once a policy is active, and still ready while a candidate fails: the old policy serves. The
 * details name the active version and the last rejected attempt.
 */
@Readiness
@ApplicationScoped
public class PolicyReadinessCheck implements HealthCheck {
    private final ActivePolicy active;
    private final PolicyArchive archive;

    PolicyReadinessCheck(ActivePolicy active, PolicyArchive archive) {
        this.active = active;
        this.archive = archive;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("policy");
        var serving = active.current();
        if (serving.isEmpty()) {
            return response.down().withData("reason", "no policy is active yet").build();
        }
        response.up().withData("version", serving.get().policy().version())
                .withData("activatedAt", serving.get().activatedAt().toString())
                .withData("rules", serving.get().policy().ruleSources().size());
        try {
            archive.lastRejected().ifPresent(rejected -> response.withData("lastRejectedVersion", rejected.version())
                    .withData("lastRejectedAt", rejected.submittedAt().toString())
                    .withData("lastRejectedOrigin", rejected.origin().name())
                    .withData("lastRejectedProblem", firstError(rejected)));
        } catch (RuntimeException e) {
            response.withData("lastRejected", "unknown: the database did not answer");
        }
        return response.build();
    }

    private static String firstError(PolicyCandidate candidate) {
        return candidate.problems().stream().filter(PolicyProblem::isError).findFirst().map(PolicyProblem::toString).orElse("");
    }
}
