package io.leadqualifier.qualification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import io.leadqualifier.audit.trail.DecisionLog;
import io.leadqualifier.audit.trail.DecisionWriter;
import io.leadqualifier.audit.trail.TrailAppender;
import io.leadqualifier.decision.DecisionView;
import io.leadqualifier.decision.LeadFacts;
import io.leadqualifier.decision.PersonalData;
import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.evaluation.Evaluation;
import io.leadqualifier.evaluation.LeadEvaluator;
import io.leadqualifier.evaluation.Ledger;
import io.leadqualifier.facts.ChecklistBox;
import io.leadqualifier.facts.Sla;
import io.leadqualifier.lifecycle.transition.Assignments;
import io.leadqualifier.lifecycle.transition.Histories;
import io.leadqualifier.policy.activation.ActivePolicy;
import io.leadqualifier.system.Sha256;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Qualifies one lead: evaluate under the active policy, record, answer. The answer leaves only after its
 * decision is committed. With an idempotency key, a repeated request gets the first decision back.
 */
@ApplicationScoped
public class QualificationService {
    private static final Logger LOG = Logger.getLogger(QualificationService.class);
    /**
     * Decision ids are UUIDs of version 7 (RFC 9562): they start with the time they were made, so a new decision's
     * key goes at the end of the id indexes instead of on a random page of them, which its commit would rewrite.
     */
    private static final TimeBasedEpochGenerator DECISION_IDS = Generators.timeBasedEpochGenerator();
    private final ActivePolicy activePolicy;
    private final LeadEvaluator evaluator;
    private final DecisionLog log;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final Timer evaluationTimer;
    private final Clock clock;
    private final Histories histories;
    private final Assignments assignments;
    private final Event<DecisionRecorded> recorded;

    QualificationService(ActivePolicy activePolicy, LeadEvaluator evaluator, DecisionLog log, ObjectMapper json,
            MeterRegistry metrics, Clock clock, Histories histories, Assignments assignments, Event<DecisionRecorded> recorded) {
        this.recorded = recorded;
        this.clock = clock;
        this.histories = histories;
        this.assignments = assignments;
        this.activePolicy = activePolicy;
        this.evaluator = evaluator;
        this.log = log;
        this.json = json;
        this.metrics = metrics;
        this.evaluationTimer = Timer.builder("leadqualifier.evaluation")
                .description("Time to evaluate one lead under the active policy (rules only, no database)")
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram().register(metrics);
    }

    /**
     * @param request        the request as received (asOf may be missing: it is then the moment it is received)
     * @param idempotencyKey the client's key, or null
     */
    public Qualification qualify(QualifyRequest request, String idempotencyKey) {
        Instant receivedAt = clock.instant();
        String requestHash = idempotencyKey == null ? null : hash(request);
        if (idempotencyKey != null) {
            Optional<Qualification> earlier = earlier(idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        QualifyRequest asked = request.asOf() == null ? request.withAsOf(receivedAt.truncatedTo(ChronoUnit.MILLIS)) : request;
        // What the lifecycle says at asOf is an input like any other: recorded, so replay sees what the rules saw.
        ActivePolicy.Serving serving = activePolicy.require();
        QualifyRequest input = asked.withHistory(histories.at(asked.leadId(), asked.asOf(), serving.policy().rejectionReasons()));
        TrailAppender.Written written;
        DecisionView decision;
        PersonalData.Split split;
        // Announced to the group writer, so that decisions being made together are written together.
        try (DecisionWriter.Expected expected = log.expect()) {
            // Rules see what the record keeps, never what identifies the person: so replay sees exactly what they saw.
            split = PersonalData.split(input);
            Evaluation evaluation = evaluationTimer.record(() -> evaluator.evaluate(serving.policy(), LeadFacts.of(split.recordable())));
            Sla sla = assignments.assign(evaluation.ledger().sla(), input.history(), serving.policy().handoffTables().roster());
            decision = view(DECISION_IDS.generate(), input, clock.instant().truncatedTo(ChronoUnit.MILLIS), evaluation.ledger(), sla,
                    new DecisionView.Policy(serving.policy().version(), serving.activatedAt()));
            written = log.record(decision, split, idempotencyKey, requestHash, expected);
        }
        if (written instanceof TrailAppender.KeyConflict) {
            throw new IdempotencyConflictException(idempotencyKey);
        }
        if (written instanceof TrailAppender.Repeat) {
            // A retry with the same key raced this one and was recorded first: answer with its decision.
            return earlier(idempotencyKey, requestHash)
                    .orElseThrow(() -> new IllegalStateException("Idempotency key " + idempotencyKey + " was recorded but cannot be read"));
        }
        metrics.counter("leadqualifier.decisions", "stage", decision.stage().name()).increment();
        // After the commit, and only an enqueue for its observers: the shadow policy never touches an answer, and an
        // observer that fails must not turn a committed decision into an error answer.
        try {
            recorded.fire(new DecisionRecorded(decision, split.recordable()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "An observer of decision %s failed; the decision is recorded and answered", decision.decisionId());
        }
        return new Qualification(decision, false);
    }

    /**
     * Evaluates without recording (a dry run): the decision the lead would get, under the active policy and with the
     * lead's history, but with no id, no queue turn taken (an open hand-off's assignee is kept) and nothing stored.
     */
    public DecisionView evaluate(QualifyRequest request) {
        QualifyRequest asked = request.asOf() == null ? request.withAsOf(clock.instant().truncatedTo(ChronoUnit.MILLIS)) : request;
        ActivePolicy.Serving serving = activePolicy.require();
        QualifyRequest input = asked.withHistory(histories.at(asked.leadId(), asked.asOf(), serving.policy().rejectionReasons()));
        PersonalData.Split split = PersonalData.split(input);
        Evaluation evaluation = evaluationTimer.record(() -> evaluator.evaluate(serving.policy(), LeadFacts.of(split.recordable())));
        Sla sla = evaluation.ledger().sla();
        if (sla != null && input.history() != null && sla.owner().equals(input.history().queue())) {
            sla = sla.assignedTo(input.history().assignee(), null);
        }
        return view(null, input, clock.instant().truncatedTo(ChronoUnit.MILLIS), evaluation.ledger(), sla,
                new DecisionView.Policy(serving.policy().version(), serving.activatedAt()));
    }

    /** The decision an evaluation made, as the API shows it, before it is recorded. */
    public static DecisionView view(UUID decisionId, QualifyRequest input, Instant evaluatedAt, Ledger ledger, Sla sla,
            DecisionView.Policy policy) {
        var boxes = ledger.boxes();
        return new DecisionView(decisionId, input.leadId(), input.asOf(), evaluatedAt, ledger.stage(), ledger.temperature(),
                ledger.route(), new DecisionView.Score(ledger.fit(), ledger.engagement(), ledger.total()),
                new DecisionView.Checklist(boxes.contains(ChecklistBox.ICP_FIT), boxes.contains(ChecklistBox.NEED),
                        boxes.contains(ChecklistBox.BUDGET), boxes.contains(ChecklistBox.AUTHORITY), boxes.contains(ChecklistBox.TIMING),
                        boxes.contains(ChecklistBox.INTENT), boxes.size()),
                sla, ledger.reasons(), ledger.firedRules(), policy, null);
    }

    private Optional<Qualification> earlier(String idempotencyKey, String requestHash) {
        return log.findByIdempotencyKey(idempotencyKey).map(keyed -> {
            // After an erasure the hash is gone with the person's data: a retry then gets the decision back.
            if (keyed.requestHash() != null && !keyed.requestHash().equals(requestHash)) {
                throw new IdempotencyConflictException(idempotencyKey);
            }
            return new Qualification(keyed.decision().withInput(null), true);
        });
    }

    /** Hash of the request as the client sent it (before defaults), to tell a retry from a different request. */
    private String hash(QualifyRequest request) {
        try {
            return Sha256.hex(json.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot hash a request", e);
        }
    }
}
