package io.leadqualifier.policy.activation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.policy.compile.PolicyCompilationException;
import io.leadqualifier.policy.source.PolicyConfig;
import io.leadqualifier.policy.source.PolicyFolders;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Serves the policy in the policy directory at start-up, then watches it. A policy that fails its checks
 * stops the service, with a message naming each file, line or sheet/cell, and what is wrong.
 */
@ApplicationScoped
public class PolicyStartup {
    private final PolicyConfig config;
    private final PolicyChanges changes;
    private final PolicyWatcher watcher;

    PolicyStartup(PolicyConfig config, PolicyChanges changes, PolicyWatcher watcher) {
        this.config = config;
        this.changes = changes;
        this.watcher = watcher;
    }

    void onStart(@Observes StartupEvent event) {
        PolicyFolders directory = new PolicyFolders(config.directory());
        PolicyCandidate candidate = changes.submit(directory.read(), PolicyCandidate.Origin.STARTUP, "startup", null);
        if (candidate.status() == PolicyCandidate.Status.REJECTED) {
            Log.errorf("The policy under %s cannot be served.", directory.root());
            throw new PolicyCompilationException(candidate.problems());
        }
        if (config.watch()) {
            watcher.start(directory);
        }
    }
}
