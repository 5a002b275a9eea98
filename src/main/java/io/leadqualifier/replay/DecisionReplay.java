package io.leadqualifier.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import io.leadqualifier.audit.search.DecisionSearch;
import io.leadqualifier.audit.trail.DecisionLog;
import io.leadqualifier.decision.DecisionView;
import io.leadqualifier.decision.LeadFacts;
import io.leadqualifier.evaluation.LeadEvaluator;
import io.leadqualifier.evaluation.Ledger;
import io.leadqualifier.facts.FiredRule;
import io.leadqualifier.facts.Sla;
import io.leadqualifier.handoff.roster.Roster;
import io.leadqualifier.lifecycle.transition.Assignments;
import io.leadqualifier.policy.activation.ActivePolicy;
import io.leadqualifier.policy.compile.CompiledPolicy;

/**
 * Re-evaluates recorded decisions: the recorded input, at its recorded asOf, under its recorded policy
 * version, loaded back from the archive however long ago it stopped serving. Same facts and version must
 * give the same decision.
 */
@ApplicationScoped
public class DecisionReplay {
    /** The most decisions one range replay re-evaluates. */
    static final int RANGE_LIMIT = 100_000;

    private final DecisionLog log;
    private final DecisionSearch search;
    private final ArchivedPolicies archived;
    private final LeadEvaluator evaluator;
    private final ActivePolicy active;

    DecisionReplay(DecisionLog log, DecisionSearch search, ArchivedPolicies archived, LeadEvaluator evaluator, ActivePolicy active) {
        this.log = log;
        this.search = search;
        this.archived = archived;
        this.evaluator = evaluator;
        this.active = active;
    }

    /** One field that came out differently. */
    public record Difference(String field, Object recorded, Object replayed) {
    }

    /** The outcome of replaying one decision. */
    public record Result(UUID decisionId, String policyVersion, Instant asOf, boolean identical, List<Difference> differences) {
    }

    /** The outcome of replaying a time range: counts, and the first decisions that differ. */
    public record RangeResult(Instant from, Instant to, int replayed, int identical, int different, List<Result> firstDifferent) {
    }

    public Result replay(UUID decisionId) {
        DecisionView recorded = log.findRecorded(decisionId).orElseThrow(() -> new NotFoundException("No decision " + decisionId));
        return replay(recorded);
    }

    public RangeResult replayRange(Instant from, Instant to) {
        int identical = 0;
        int different = 0;
        List<Result> firstDifferent = new ArrayList<>();
        for (UUID id : search.idsEvaluatedBetween(from, to, RANGE_LIMIT)) {
            Result result = replay(id);
            if (result.identical()) {
                identical++;
            } else {
                different++;
                if (firstDifferent.size() < 100) {
                    firstDifferent.add(result);
                }
            }
        }
        return new RangeResult(from, to, identical + different, identical, different, firstDifferent);
    }

    private Result replay(DecisionView recorded) {
        CompiledPolicy policy = policy(recorded.policy().version());
        return compare(recorded, evaluator.evaluate(policy, LeadFacts.of(recorded.input())).ledger(), policy);
    }

    /** How a re-evaluation compares with the recorded decision. */
    Result compare(DecisionView recorded, Ledger replayed, CompiledPolicy policy) {
        List<Difference> differences = new ArrayList<>();
        compare(differences, "stage", recorded.stage(), replayed.stage());
        compare(differences, "temperature", recorded.temperature(), replayed.temperature());
        compare(differences, "route", recorded.route(), replayed.route());
        compare(differences, "score.fit", recorded.score().fit(), replayed.fit());
        compare(differences, "score.engagement", recorded.score().engagement(), replayed.engagement());
        compare(differences, "score.total", recorded.score().total(), replayed.total());
        compare(differences, "sla", recorded.sla(), assigned(recorded, replayed, policy));
        compare(differences, "firedRules", names(recorded.firedRules()), names(replayed.firedRules()));
        compare(differences, "reasons", recorded.reasons(), replayed.reasons());
        return new Result(recorded.decisionId(), recorded.policy().version(), recorded.asOf(), differences.isEmpty(), differences);
    }

    /** The replayed SLA assigned as the recorded one was: from the recorded history and the recorded turn. */
    static Sla assigned(DecisionView recorded, Ledger replayed, CompiledPolicy policy) {
        Long turn = recorded.sla() == null ? null : recorded.sla().turn();
        Roster roster = turn == null ? Roster.empty() : policy.handoffTables().roster();
        return Assignments.assign(replayed.sla(), recorded.input().history(), roster, () -> turn);
    }

    /** The recorded policy version, compiled: the serving one, a recently compiled one, or loaded from the archive. */
    CompiledPolicy policy(String version) {
        var serving = active.current();
        if (serving.isPresent() && serving.get().policy().version().equals(version)) {
            return serving.get().policy();
        }
        return archived.compiled(version);
    }

    private static List<String> names(List<FiredRule> rules) {
        return rules.stream().map(FiredRule::name).toList();
    }

    private static void compare(List<Difference> differences, String field, Object recorded, Object replayed) {
        if (!Objects.equals(recorded, replayed)) {
            differences.add(new Difference(field, recorded, replayed));
        }
    }
}
