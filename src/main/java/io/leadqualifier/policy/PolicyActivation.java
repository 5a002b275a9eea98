package io.leadqualifier.policy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Compiles the policy directory and makes it serve. At start-up a policy that does not compile stops
 * the service, with a message naming each file, line or sheet/cell and what is wrong.
 */
@ApplicationScoped
public class PolicyActivation {
    private final PolicyConfig config;
    private final PolicyCompiler compiler;
    private final ActivePolicy active;
    private final PolicyArchive archive;
    private final Instance<PolicyCheck> checks;

    PolicyActivation(PolicyConfig config, PolicyCompiler compiler, ActivePolicy active, PolicyArchive archive,
            Instance<PolicyCheck> checks) {
        this.config = config;
        this.compiler = compiler;
        this.active = active;
        this.archive = archive;
        this.checks = checks;
    }

    void onStart(@Observes StartupEvent event) {
        PolicyDirectory directory = new PolicyDirectory(config.directory());
        try {
            activate(compiler.compile(directory.read()), "startup");
        } catch (PolicyCompilationException e) {
            Log.errorf("The policy under %s cannot be served. %s", directory.root(), e.getMessage());
            throw e;
        }
    }

    /**
     * Runs every {@link PolicyCheck}, records the version, then swaps it in: a version serves only once it
     * has passed and is stored.
     *
     * @throws PolicyCompilationException when a check finds problems; the running policy stays
     */
    public void activate(CompiledPolicy policy, String activatedBy) {
        List<PolicyProblem> problems = new ArrayList<>();
        for (PolicyCheck check : checks) {
            problems.addAll(check.check(policy));
        }
        if (!problems.isEmpty()) {
            throw new PolicyCompilationException(problems);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        archive.recordActivation(policy, now, activatedBy);
        active.activate(policy, now);
        Log.infof("Policy %s is active (%d files, %d rules; activated by %s)", policy.version(), policy.files().size(),
                policy.ruleSources().size(), activatedBy);
        policy.warnings().forEach(warning -> Log.warnf("Policy %s: %s", policy.version(), warning));
    }
}
