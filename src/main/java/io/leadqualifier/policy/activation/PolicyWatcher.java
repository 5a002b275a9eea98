package io.leadqualifier.policy.activation;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.policy.source.PolicyConfig;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyFolders;
import io.leadqualifier.policy.source.PolicyVersions;
import io.quarkus.logging.Log;

/**
 * Watches {@code rules/} and {@code decision-tables/}. After a save, once the folders have been quiet for
 * the debounce time, it reads the whole policy again and submits it: a temp-file-then-rename save and
 * several files saved together make one candidate, and a half-written file is not read while events keep
 * coming. Compiles on one low-priority thread, so a reload competes as little as possible with requests.
 */
@ApplicationScoped
public class PolicyWatcher {
    private final PolicyChanges changes;
    private final PolicyConfig config;
    private volatile WatchService watchService;
    private volatile String lastSubmitted;
    private Thread thread;

    PolicyWatcher(PolicyChanges changes, PolicyConfig config) {
        this.changes = changes;
        this.config = config;
    }

    synchronized void start(PolicyFolders directory) {
        if (thread != null) {
            return;
        }
        try {
            watchService = FileSystems.getDefault().newWatchService();
            register(directory.root());
            for (String folder : List.of(PolicyFolders.RULES, PolicyFolders.TABLES)) {
                registerTree(directory.root().resolve(folder));
            }
        } catch (IOException e) {
            Log.errorf(e, "Cannot watch %s: policy changes need a restart", directory.root());
            return;
        }
        thread = new Thread(() -> watch(directory), "policy-watcher");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        Log.infof("Watching %s for policy changes", directory.root());
    }

    @PreDestroy
    synchronized void stop() {
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                Log.debug("Closing the policy watcher", e);
            }
        }
    }

    private void watch(PolicyFolders directory) {
        long debounceNanos = config.watchDebounce().toNanos();
        // Wakes up a few times per debounce period, so the quiet time is noticed soon after it has passed.
        long pollMillis = Math.max(5, Math.min(50, config.watchDebounce().toMillis() / 4));
        long lastEvent = 0;
        boolean pending = false;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watchService.poll(pollMillis, TimeUnit.MILLISECONDS);
                if (key != null) {
                    Path dir = (Path) key.watchable();
                    for (var event : key.pollEvents()) {
                        if (event.context() instanceof Path name && Files.isDirectory(dir.resolve(name))) {
                            registerTree(dir.resolve(name));
                        }
                    }
                    key.reset();
                    lastEvent = System.nanoTime();
                    pending = true;
                } else if (pending && System.nanoTime() - lastEvent >= debounceNanos) {
                    pending = false;
                    submit(directory, lastEvent);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(PolicyFolders directory, long lastEvent) {
        try {
            List<PolicyFile> files = directory.read();
            Log.debugf("Policy files read %d ms after the last file event", (System.nanoTime() - lastEvent) / 1_000_000);
            String hash = PolicyVersions.contentHash(files);
            // Unrelated events (a lock file, a save of the same bytes) must not record the same candidate again.
            if (hash.equals(lastSubmitted)) {
                return;
            }
            lastSubmitted = hash;
            changes.submit(files, PolicyCandidate.Origin.FILE_WATCH, "file watch", null);
        } catch (RuntimeException e) {
            // A file vanished or changed while being read: the events that follow bring another attempt.
            Log.warnf("Reading the policy after a change failed (%s); waiting for the next change", e.getMessage());
            lastSubmitted = null;
        }
    }

    private void registerTree(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(folder)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                register(dir);
            }
        } catch (IOException e) {
            Log.warnf("Cannot watch %s: %s", folder, e.getMessage());
        }
    }

    private void register(Path dir) throws IOException {
        dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
    }
}
