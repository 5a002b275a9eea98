package io.leadqualifier.shadow;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.leadqualifier.decision.LeadFacts;
import io.leadqualifier.evaluation.Evaluation;
import io.leadqualifier.evaluation.LeadEvaluator;
import io.leadqualifier.policy.activation.ActivePolicy;
import io.leadqualifier.policy.activation.PolicyAdministration;
import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.qualification.DecisionRecorded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * The shadow policy: at most one candidate, attached beside the live policy. Every live decision, once recorded, is
 * queued with the facts it was made on; one worker evaluates them under the shadow and keeps the agreement. The
 * request only enqueues (or counts a drop when the queue is full): nothing of the shadow reaches an answer or the
 * trail. The attachment survives a restart; its agreement starts again.
 */
@ApplicationScoped
public class ShadowPolicy {
    private final ShadowCandidates candidates;
    private final ShadowAttachments attachments;
    private final LeadEvaluator evaluator;
    private final PolicyAdministration administration;
    private final ActivePolicy active;
    private final int examples;
    private final Clock clock;
    private final AtomicReference<Attached> attached = new AtomicReference<>();
    private final ShadowLane<Queued> lane;
    private final Counter agreed;
    private final Counter disagreed;
    private final Counter failed;
    private final Counter dropped;

    /** The candidate attached and its agreement so far; replaced whole on attach. */
    private record Attached(ShadowCandidate candidate, Agreement agreement) {
    }

    /** A live decision waiting for the shadow that was attached when it was made. */
    private record Queued(Attached shadow, DecisionRecorded decision) {
    }

    ShadowPolicy(ShadowCandidates candidates, ShadowAttachments attachments, LeadEvaluator evaluator,
            PolicyAdministration administration, ActivePolicy active, ShadowConfig config, Clock clock,
            MeterRegistry metrics) {
        this.clock = clock;
        this.candidates = candidates;
        this.attachments = attachments;
        this.evaluator = evaluator;
        this.administration = administration;
        this.active = active;
        this.examples = config.examples();
        this.agreed = metrics.counter("leadqualifier.shadow.evaluations", "result", "agreed");
        this.disagreed = metrics.counter("leadqualifier.shadow.evaluations", "result", "disagreed");
        this.failed = metrics.counter("leadqualifier.shadow.evaluations", "result", "failed");
        this.dropped = metrics.counter("leadqualifier.shadow.dropped");
        this.lane = new ShadowLane<>("shadow-policy", config.queueCapacity(), this::evaluate, queued -> {
            queued.shadow().agreement().dropped();
            dropped.increment();
        });
    }

    /** On the request thread, after the commit: an enqueue and nothing more. */
    void onDecision(@Observes DecisionRecorded decision) {
        Attached shadow = attached.get();
        if (shadow != null) {
            lane.offer(new Queued(shadow, decision));
        }
    }

    private void evaluate(Queued queued) {
        if (attached.get() != queued.shadow()) {
            return; // detached or replaced since: its agreement is no longer shown
        }
        DecisionRecorded live = queued.decision();
        Agreement agreement = queued.shadow().agreement();
        try {
            // The same facts as the live decision: rebuilt from the input it recorded (asOf and history included).
            Evaluation evaluation = evaluator.evaluate(queued.shadow().candidate().policy(), LeadFacts.of(live.input()));
            (agreement.compare(live.decision(), evaluation.ledger()) ? agreed : disagreed).increment();
        } catch (RuntimeException | StackOverflowError e) {
            agreement.failed(live.decision(), String.valueOf(e.getMessage()));
            failed.increment();
        }
    }

    /** Attaches the live policy with these files added or replaced; refused (422) when it does not compile. */
    public synchronized ShadowView attach(List<PolicyFile> uploaded, String by) {
        String live = active.require().policy().version();
        return attach(candidates.fromUploads(uploaded, by, live));
    }

    /** Attaches a stored version; 404 when there is none, 422 when it does not compile. */
    public synchronized ShadowView attach(String version, String by) {
        return attach(candidates.fromVersion(version, by));
    }

    private ShadowView attach(ShadowCandidate candidate) {
        attachments.save(candidate);
        attached.set(new Attached(candidate, new Agreement(candidate.report().submittedAt(), examples)));
        Log.infof("Shadow policy %s attached by %s (%s)", candidate.report().version(), candidate.report().submittedBy(),
                candidate.passedChecks() ? "passes its checks" : candidate.report().errorCount() + " check error(s)");
        return view().orElseThrow();
    }

    /** Stops shadowing; decisions still queued are not evaluated. Nothing attached: nothing to do. */
    public synchronized void detach() {
        attachments.clear();
        if (attached.getAndSet(null) != null) {
            Log.info("Shadow policy detached");
        }
    }

    /**
     * Makes the shadow's candidate the live policy through the one activation path, with every check (422 with the
     * problems when it fails them, and it stays attached); once live it is detached.
     */
    public synchronized PolicyCandidate activate(String by) {
        Attached shadow = attached.get();
        if (shadow == null) {
            throw new NoShadowException();
        }
        PolicyCandidate activated = administration.activate(shadow.candidate().report().version(), PolicyCandidate.Origin.SHADOW, by);
        detach();
        return activated;
    }

    /** The shadow attached and its agreement so far; empty when none is. */
    public Optional<ShadowView> view() {
        Attached shadow = attached.get();
        if (shadow == null) {
            return Optional.empty();
        }
        ShadowCandidate candidate = shadow.candidate();
        PolicyCandidate report = candidate.report();
        return Optional.of(new ShadowView(report.version(), candidate.basedOn(), report.submittedAt(), report.submittedBy(),
                candidate.passedChecks(), report, active.current().map(serving -> serving.policy().version()).orElse(null),
                lane.waiting(), shadow.agreement().view()));
    }

    /** Completes once every live decision recorded before this call has been evaluated under the shadow (or skipped). */
    public CompletableFuture<Void> drained() {
        return lane.drained();
    }

    void onStart(@Observes StartupEvent event) {
        attachments.find().ifPresent(record -> {
            try {
                ShadowCandidate candidate = candidates.restore(record.version, record.candidateId, record.attachedBy,
                        record.attachedAt, record.basedOn);
                attached.set(new Attached(candidate, new Agreement(clock.instant().truncatedTo(ChronoUnit.MILLIS), examples)));
                Log.infof("Shadow policy %s attached again (attached by %s at %s)", record.version, record.attachedBy,
                        record.attachedAt);
            } catch (RuntimeException e) {
                Log.errorf(e, "Shadow policy %s could not be attached again; detached", record.version);
                attachments.clear();
            }
        });
    }

    @PreDestroy
    void stop() {
        lane.close();
    }
}
