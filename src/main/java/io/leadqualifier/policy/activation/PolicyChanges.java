package io.leadqualifier.policy.activation;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadqualifier.policy.archive.PolicyArchive;
import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.policy.archive.PolicyCandidate.Origin;
import io.leadqualifier.policy.archive.PolicyCandidate.Status;
import io.leadqualifier.policy.check.PolicyCheck;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.compile.PhaseTimer;
import io.leadqualifier.policy.compile.PolicyCompilationException;
import io.leadqualifier.policy.compile.PolicyCompiler;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyFolders;
import io.leadqualifier.policy.source.PolicyProblem;
import io.leadqualifier.policy.source.PolicyVersions;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.logging.Log;

/**
 * The one way a policy starts serving, whatever its origin (start-up, file watch, upload, rollback):
 * compile, run every {@link PolicyCheck}, record the candidate and its report, and only when nothing
 * failed, swap it in atomically. A failing candidate never replaces the running policy. Submissions are
 * handled one at a time.
 */
@ApplicationScoped
public class PolicyChanges {
    private final PolicyCompiler compiler;
    private final ActivePolicy active;
    private final PolicyArchive archive;
    private final List<PolicyCheck> checks;
    private final MeterRegistry metrics;
    private final PolicyWarmUps warmUps;
    private final PolicyNotices notices;
    private final AtomicReference<Prepared> prepared = new AtomicReference<>();

    // @All: with a plain Instance<PolicyCheck>, Quarkus removed the check beans as unused and no check ran.
    PolicyChanges(PolicyCompiler compiler, ActivePolicy active, PolicyArchive archive, @All List<PolicyCheck> checks,
            MeterRegistry metrics, PolicyWarmUps warmUps, PolicyNotices notices) {
        this.compiler = compiler;
        this.active = active;
        this.archive = archive;
        this.checks = checks.stream().sorted(Comparator.comparing(check -> check.getClass().getName())).toList();
        this.metrics = metrics;
        this.warmUps = warmUps;
        this.notices = notices;
    }

    /** Something to do once a candidate has passed and before it serves, such as writing its files to disk. */
    @FunctionalInterface
    public interface BeforeActivation {
        void run(List<PolicyFile> files) throws Exception;
    }

    /** The policy serving now. */
    Optional<ActivePolicy.Serving> active() {
        return active.current();
    }

    /** Runs every check on the files without recording or activating anything. */
    public PolicyCandidate validate(List<PolicyFile> files, String submittedBy) {
        List<PolicyProblem> problems = check(files).problems();
        boolean passed = problems.stream().noneMatch(PolicyProblem::isError);
        return new PolicyCandidate(null, PolicyVersions.version(PolicyVersions.contentHash(files)), Origin.VALIDATION,
                submittedBy, now(), passed ? Status.VALID : Status.INVALID, problems);
    }

    /**
     * Checks the files and, when they pass, makes them the serving policy.
     *
     * @param beforeActivation run after the checks pass and before the swap; when it fails the candidate is rejected
     */
    public synchronized PolicyCandidate submit(List<PolicyFile> files, Origin origin, String submittedBy,
            BeforeActivation beforeActivation) {
        String contentHash = PolicyVersions.contentHash(files);
        String version = PolicyVersions.version(contentHash);
        Instant submittedAt = now();
        var serving = active.current();
        if (serving.isPresent() && serving.get().policy().version().equals(version)) {
            return new PolicyCandidate(null, version, origin, submittedBy, submittedAt, Status.UNCHANGED, List.of());
        }
        announce(version, contentHash, files, submittedAt);
        PhaseTimer timer = new PhaseTimer();
        Checked checked = check(files, timer);
        List<PolicyProblem> problems = new ArrayList<>(checked.problems);
        if (checked.policy != null && problems.stream().noneMatch(PolicyProblem::isError) && beforeActivation != null) {
            try {
                beforeActivation.run(files);
            } catch (Exception e) {
                problems.add(new PolicyProblem("policy", null, "could not be written to the policy folders: " + e.getMessage()));
            }
        }
        boolean passed = checked.policy != null && problems.stream().noneMatch(PolicyProblem::isError);
        PolicyCandidate candidate = archive.recordCandidate(new PolicyCandidate(null, version, origin, submittedBy,
                submittedAt, passed ? Status.ACTIVATED : Status.REJECTED, problems), contentHash, files);
        timer.lap("record");
        Log.debugf("Policy %s %s after %s", version, passed ? "activated" : "rejected", timer);
        if (passed) {
            // The other instances start compiling it while this one swaps it in and warms it up.
            notices.activated(version);
            active.activate(checked.policy, submittedAt);
            warmUps.afterActivation(checked.policy);
            metrics.counter("leadqualifier.policy.activations", "origin", origin.name()).increment();
            Log.infof("Policy %s is active (%d files, %d rules; %s by %s)", version, files.size(),
                    checked.policy.ruleSources().size(), origin, submittedBy);
            problems.stream().filter(p -> !p.isError()).forEach(p -> Log.infof("Policy %s: %s", version, p));
        } else {
            metrics.counter("leadqualifier.policy.rejections", "origin", origin.name()).increment();
            Log.warnf("Policy %s rejected (%s by %s); %s keeps serving. %d error(s):%n  %s", version, origin, submittedBy,
                    serving.map(s -> s.policy().version()).orElse("nothing"), candidate.errorCount(),
                    String.join("\n  ", problems.stream().filter(PolicyProblem::isError).map(PolicyProblem::toString).toList()));
        }
        return candidate;
    }

    /**
     * Compiles the files and runs every check, recording and activating nothing: what a simulation or a shadow
     * needs to evaluate leads under a candidate that may fail its scenarios.
     */
    public Checked check(List<PolicyFile> files) {
        return check(files, new PhaseTimer());
    }

    /**
     * Serves the version the database names as active, when this instance does not serve it yet: another instance
     * accepted it. It passed its checks there; here it is compiled from the archive (unless {@link #prepare} did
     * while it was checked), and its files are written into the policy folders (best effort) so that an upload here
     * adds to what serves. Returns whether it swapped.
     */
    synchronized boolean follow(PolicyArchive.LatestActivation activation, PolicyFolders folders) {
        var serving = active.current();
        if (serving.isPresent() && serving.get().policy().version().equals(activation.version())) {
            return false;
        }
        // Read again under the lock: a change submitted here may have been activated since the caller read it,
        // and serving what was read would roll it back. A newer activation elsewhere comes with its own notice.
        if (!archive.latestActivation().map(latest -> latest.version().equals(activation.version())).orElse(false)) {
            return false;
        }
        List<PolicyFile> files = archivedFiles(activation.version());
        Prepared ready = prepared.get();
        CompiledPolicy early = null;
        if (ready != null && ready.version().equals(activation.version())) {
            prepared.compareAndSet(ready, null);
            early = ready.get();
        }
        CompiledPolicy policy = early != null ? early : compiler.compile(files);
        try {
            folders.write(files, true);
        } catch (IOException | RuntimeException e) {
            Log.warnf("Policy %s serves, but its files could not be written under %s: %s", activation.version(), folders.root(),
                    e.getMessage());
        }
        active.activate(policy, activation.activatedAt());
        warmUps.afterActivation(policy);
        metrics.counter("leadqualifier.policy.activations", "origin", "CLUSTER").increment();
        Log.infof("Policy %s is active: activated at %s on another instance (was %s; %s)", activation.version(),
                activation.activatedAt(), serving.map(s -> s.policy().version()).orElse("nothing"),
                early != null ? "compiled here while that instance checked it" : "compiled here since");
        return true;
    }

    /**
     * Clustered, before the checks: stores the candidate's files and tells the other instances, which compile it
     * while this one checks it (they serve it only once its activation is recorded), so that an accepted change
     * serves everywhere soon after its answer instead of a whole compilation later.
     */
    private void announce(String version, String contentHash, List<PolicyFile> files, Instant submittedAt) {
        if (!notices.clustered()) {
            return;
        }
        try {
            archive.storeFiles(version, contentHash, files, submittedAt);
        } catch (RuntimeException e) {
            Log.debugf("Policy %s: files not stored before its checks (%s); the others compile it once activated", version,
                    e.getMessage());
            return;
        }
        notices.checking(version);
    }

    /**
     * Compiles, on {@code executor}, the version another instance announced it is checking, so that {@link #follow}
     * finds it compiled. Never serves it: only a recorded activation does. One version is prepared at a time.
     */
    void prepare(String version, Executor executor) {
        if (active.current().map(serving -> serving.policy().version().equals(version)).orElse(false)) {
            return;
        }
        Prepared current = prepared.get();
        if (current != null && current.version().equals(version)) {
            return;
        }
        prepared.set(new Prepared(version, CompletableFuture.supplyAsync(() -> compiler.compile(archivedFiles(version)), executor)));
    }

    /** The archived files of a version, once their content is checked to be that version. */
    private List<PolicyFile> archivedFiles(String version) {
        List<PolicyFile> files = archive.files(version);
        if (!PolicyVersions.version(PolicyVersions.contentHash(files)).equals(version)) {
            throw new IllegalStateException("the archive does not hold the files of version " + version);
        }
        return files;
    }

    /** A version compiled, or being compiled, ahead of its activation. */
    private record Prepared(String version, CompletableFuture<CompiledPolicy> policy) {
        /** The compiled policy, waiting for the compilation if it runs; null when it failed (it did not compile here). */
        CompiledPolicy get() {
            try {
                return policy.join();
            } catch (CompletionException | CancellationException e) {
                Log.debugf("Policy %s was not prepared: %s", version, e.getMessage());
                return null;
            }
        }
    }

    private Checked check(List<PolicyFile> files, PhaseTimer timer) {
        CompiledPolicy policy;
        try {
            policy = compiler.compile(files);
        } catch (PolicyCompilationException e) {
            timer.lap("compile");
            return new Checked(null, e.problems());
        }
        timer.lap("compile");
        List<PolicyProblem> problems = new ArrayList<>(policy.warnings());
        for (PolicyCheck check : checks) {
            problems.addAll(check.check(policy));
            timer.lap(PhaseTimer.nameOf(check));
        }
        return new Checked(policy, problems);
    }

    /**
     * A compiled and checked policy.
     *
     * @param policy   null when it does not compile ({@code problems} then says why)
     * @param problems the compile warnings and every check's findings
     */
    public record Checked(CompiledPolicy policy, List<PolicyProblem> problems) {
        public boolean passed() {
            return policy != null && problems.stream().noneMatch(PolicyProblem::isError);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
