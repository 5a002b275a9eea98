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
 *
 * <p>With PostgreSQL, several instances share one policy: the database's. An instance serves the version last
 * activated there (its folders serve only the first start of an empty database) and follows the activations
 * that come after ({@link PolicySync}). Only the instance named {@code folder-watcher} watches the folders and
 * takes its policy from them at start, and only while no other instance holds that role.
 */
@ApplicationScoped
public class PolicyStartup {
    private final PolicyConfig config;
    private final PolicyChanges changes;
    private final PolicyWatcher watcher;
    private final PolicySync sync;

    PolicyStartup(PolicyConfig config, PolicyChanges changes, PolicyWatcher watcher, PolicySync sync) {
        this.config = config;
        this.changes = changes;
        this.watcher = watcher;
        this.sync = sync;
    }

    void onStart(@Observes StartupEvent event) {
        PolicyFolders directory = new PolicyFolders(config.directory());
        if (!sync.clustered()) {
            serveFolders(directory);
            if (config.watch()) {
                watcher.start(directory);
            }
            return;
        }
        boolean watches = config.watch() && config.cluster().folderWatcher() && claimFolderWatch();
        if (watches || !sync.serveDatabasePolicy()) {
            serveFolders(directory);
        }
        sync.start();
        if (watches) {
            watcher.start(directory);
        } else if (config.watch() && !config.cluster().folderWatcher()) {
            Log.infof("Not watching %s: with several instances on one database only the instance with "
                    + "lead-qualifier.policy.cluster.folder-watcher=true watches; change the policy through the API", directory.root());
        }
    }

    private boolean claimFolderWatch() {
        if (sync.claimFolderWatch()) {
            return true;
        }
        Log.errorf("Not watching the policy folders: another instance on this database is the folder watcher "
                + "(lead-qualifier.policy.cluster.folder-watcher=true on one instance only)");
        return false;
    }

    private void serveFolders(PolicyFolders directory) {
        PolicyCandidate candidate = changes.submit(directory.read(), PolicyCandidate.Origin.STARTUP, "startup", null);
        if (candidate.status() == PolicyCandidate.Status.REJECTED) {
            Log.errorf("The policy under %s cannot be served.", directory.root());
            throw new PolicyCompilationException(candidate.problems());
        }
    }
}
