package io.leadqualifier.policy.activation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.policy.archive.PolicyArchive;
import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.policy.source.PolicyConfig;
import io.leadqualifier.policy.source.PolicyFolders;
import io.quarkus.logging.Log;

/**
 * Keeps this instance on the policy the database names as active, with PostgreSQL: it {@code LISTEN}s for
 * {@link PolicyNotices} on a connection of its own and, on each notice of an activation, and every {@code check-every}
 * as a safety net (a lost notice, a reconnection), compares the last recorded activation with the version it serves
 * and, if they differ, serves the recorded one ({@link PolicyChanges#follow}). A notice that another instance is
 * checking a candidate starts compiling it here ({@link PolicyChanges#prepare}), so that its activation swaps it in
 * without waiting for a compilation. A version whose candidate failed its checks
 * is never served. It also holds the folder watcher's claim: a PostgreSQL advisory lock, so that one instance
 * of the cluster at most watches the policy folders. Off on H2.
 */
@ApplicationScoped
public class PolicySync {
    private final AgroalDataSource dataSource;
    private final PolicyNotices notices;
    private final PolicyArchive archive;
    private final PolicyChanges changes;
    private final PolicyConfig config;
    private volatile boolean running;
    private volatile String refused;
    private Thread thread;
    private Connection watcherClaim;
    /** Compiles announced candidates off the listening thread, which must stay free to hear their activation. */
    private final ExecutorService preparing = Executors.newSingleThreadExecutor(work -> {
        Thread compiling = new Thread(work, "policy-prepare");
        compiling.setDaemon(true);
        return compiling;
    });

    PolicySync(AgroalDataSource dataSource, PolicyNotices notices, PolicyArchive archive, PolicyChanges changes, PolicyConfig config) {
        this.dataSource = dataSource;
        this.notices = notices;
        this.archive = archive;
        this.changes = changes;
        this.config = config;
    }

    boolean clustered() {
        return notices.clustered();
    }

    /** Serves the database's active policy, if there is one and it can be served; false otherwise. */
    boolean serveDatabasePolicy() {
        catchUp("start-up");
        return changes.active().isPresent();
    }

    /**
     * Claims the folder watcher's role for this instance, for the life of the process: a session advisory lock
     * that PostgreSQL releases when the session ends, a killed process included.
     */
    synchronized boolean claimFolderWatch() {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
                lock.setString(1, notices.channel() + ".folder-watcher");
                try (ResultSet row = lock.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        watcherClaim = connection;
                        return true;
                    }
                }
            }
            connection.close();
            return false;
        } catch (SQLException e) {
            Log.errorf("Cannot claim the folder watcher's role: %s", e.getMessage());
            return false;
        }
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "policy-sync");
        thread.setDaemon(true);
        thread.start();
        Log.infof("Following the active policy of the database (notices on %s, a check every %s)", notices.channel(),
                config.cluster().checkEvery());
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        preparing.shutdownNow();
        if (watcherClaim != null) {
            try {
                watcherClaim.close();
            } catch (SQLException e) {
                Log.debug("Releasing the folder watcher's claim", e);
            }
        }
    }

    private void listen() {
        long checkEvery = config.cluster().checkEvery().toNanos();
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN \"" + notices.channel() + "\"");
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                // Whatever was activated while this instance was not listening.
                catchUp("listening");
                long nextCheck = System.nanoTime() + checkEvery;
                while (running) {
                    // At most a second at a time, so that a stop is noticed soon.
                    long wait = Math.min(1000, TimeUnit.NANOSECONDS.toMillis(nextCheck - System.nanoTime()));
                    PGNotification[] received = notifications.getNotifications((int) Math.max(1, wait));
                    if (received != null && received.length > 0) {
                        if (prepare(received)) {
                            catchUp("notified");
                        }
                    } else if (System.nanoTime() >= nextCheck) {
                        catchUp("periodic check");
                        nextCheck = System.nanoTime() + checkEvery;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    Log.warnf("Policy sync lost its connection (%s); listening again in a second", e.getMessage());
                    pause();
                }
            }
        }
    }

    /**
     * Starts compiling each version another instance announced it is checking; returns whether any notice was an
     * activation. A check announced by this instance is not an activation: reading the active version then would
     * read the one its own check is about to replace.
     */
    private boolean prepare(PGNotification[] received) {
        boolean activation = false;
        for (PGNotification notice : received) {
            String payload = notice.getParameter();
            if (PolicyNotices.isCheck(payload)) {
                notices.checkedElsewhere(payload).ifPresent(version -> changes.prepare(version, preparing));
            } else {
                activation = true;
            }
        }
        return activation;
    }

    /** Serves the last activation recorded, unless it is served already or its candidate did not pass. */
    private void catchUp(String why) {
        Optional<PolicyArchive.LatestActivation> latest;
        try {
            latest = archive.latestActivation();
        } catch (RuntimeException e) {
            Log.warnf("Policy sync (%s): the active version cannot be read: %s", why, e.getMessage());
            return;
        }
        if (latest.isEmpty()) {
            return;
        }
        PolicyArchive.LatestActivation activation = latest.get();
        if (activation.candidateStatus() != PolicyCandidate.Status.ACTIVATED) {
            warnOnce(activation.version(), "its candidate is " + activation.candidateStatus());
            return;
        }
        try {
            changes.follow(activation, new PolicyFolders(config.directory()));
        } catch (RuntimeException e) {
            warnOnce(activation.version(), e.getMessage());
        }
    }

    private void warnOnce(String version, String why) {
        if (!version.equals(refused)) {
            refused = version;
            Log.errorf("Policy %s, active in the database, is not served here (%s); %s keeps serving", version, why,
                    changes.active().map(serving -> serving.policy().version()).orElse("nothing"));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
