package io.leadqualifier.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kie.api.runtime.KieSession;
import org.kie.internal.event.rule.RuleEventManager;

import io.leadqualifier.facts.Activity;
import io.leadqualifier.facts.ActivityTally;
import io.leadqualifier.facts.Lead;
import io.leadqualifier.facts.Outcome;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.compile.PolicyCompiler;

/**
 * Evaluates a lead under a policy. Each evaluation has its own session and its own outcome; the number
 * of rule firings is capped so that a rule that loops fails the request instead of holding a worker.
 */
public class LeadEvaluator {
    private final int baseFiringLimit;

    /**
     * @param baseFiringLimit firings allowed on top of two per distinct activity type (a normal
     *                        evaluation of the default policy fires about 20)
     */
    public LeadEvaluator(int baseFiringLimit) {
        this.baseFiringLimit = baseFiringLimit;
    }

    public Evaluation evaluate(CompiledPolicy policy, Lead lead) {
        return evaluate(policy, lead, new Outcome(lead.getAsOf()));
    }

    /**
     * An evaluation that writes into the outcome given: a what-if subclass of {@link Outcome} explains why a lead
     * did not reach a stage; a decision always uses a plain one.
     */
    public Evaluation evaluate(CompiledPolicy policy, Lead lead, Outcome outcome) {
        List<ActivityTally> tallies = tallies(lead);
        int limit = baseFiringLimit + 2 * tallies.size();
        KieSession session = policy.newSession();
        try {
            ((RuleEventManager) session).addEventListener(new FiredRuleRecorder(policy, outcome));
            session.setGlobal(PolicyCompiler.OUTCOME_GLOBAL, outcome);
            session.insert(lead);
            for (ActivityTally tally : tallies) {
                session.insert(tally);
            }
            int fired = session.fireAllRules(limit);
            if (fired >= limit) {
                throw new EvaluationFailedException("policy " + policy.version() + " fired " + fired
                        + " rules without settling (limit " + limit + "): a rule is probably looping; last fired: "
                        + lastFired(outcome));
            }
        } catch (EvaluationFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EvaluationFailedException("policy " + policy.version() + " failed in rule "
                    + lastFired(outcome) + ": " + e.getMessage(), e);
        } finally {
            session.dispose();
        }
        Ledger ledger = Ledger.of(outcome, policy.calendars());
        requireComplete(policy, ledger);
        return new Evaluation(lead, policy, ledger);
    }

    private static void requireComplete(CompiledPolicy policy, Ledger ledger) {
        List<String> missing = new ArrayList<>();
        if (ledger.stage() == null) {
            missing.add("stage");
        }
        if (ledger.temperature() == null) {
            missing.add("temperature");
        }
        if (ledger.route() == null) {
            missing.add("route");
        }
        if (!missing.isEmpty()) {
            throw new EvaluationFailedException("policy " + policy.version() + " assigned no " + String.join(", ", missing)
                    + " to this lead");
        }
    }

    private static String lastFired(Outcome outcome) {
        var fired = outcome.firedRules();
        return fired.isEmpty() ? "(none)" : "\"" + fired.get(fired.size() - 1).name() + "\"";
    }

    /** One tally per distinct activity type (upper case), so rules match per type, not per activity. */
    static List<ActivityTally> tallies(Lead lead) {
        Map<String, List<Instant>> byType = new LinkedHashMap<>();
        for (Activity activity : lead.getActivities()) {
            byType.computeIfAbsent(upperCase(activity.getType()), type -> new ArrayList<>(4)).add(activity.getAt());
        }
        List<ActivityTally> tallies = new ArrayList<>(byType.size());
        byType.forEach((type, instants) -> {
            Instant[] newestFirst = instants.toArray(new Instant[0]);
            Arrays.sort(newestFirst, Comparator.reverseOrder());
            tallies.add(new ActivityTally(type, lead.getAsOf(), newestFirst));
        });
        return tallies;
    }

    /** The API already sends upper-case types: check for that first, it costs less than converting. */
    private static String upperCase(String type) {
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (c >= 0x80 || (c >= 'a' && c <= 'z')) {
                return type.toUpperCase(Locale.ROOT);
            }
        }
        return type;
    }
}
