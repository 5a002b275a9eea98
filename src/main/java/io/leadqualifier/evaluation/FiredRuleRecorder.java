package io.leadqualifier.evaluation;

import org.kie.api.runtime.rule.Match;
import org.kie.internal.event.rule.RuleEventListener;

import io.leadqualifier.facts.Outcome;
import io.leadqualifier.policy.compile.CompiledPolicy;

/**
 * Tells the outcome which rule is firing, so the trace lists every activation in order and every
 * reason names its rule and file.
 * <p>
 * A rule-event listener, not an agenda-event listener: with an agenda listener the engine builds an event
 * object for every match created, cancelled, about to fire and fired; this one is called only before a
 * rule fires, with the match. One per evaluation: a pooled session drops its listeners when it is reset,
 * and holding the outcome spares a global lookup on every firing.
 */
final class FiredRuleRecorder implements RuleEventListener {
    private final CompiledPolicy policy;
    private final Outcome outcome;

    FiredRuleRecorder(CompiledPolicy policy, Outcome outcome) {
        this.policy = policy;
        this.outcome = outcome;
    }

    @Override
    public void onBeforeMatchFire(Match match) {
        String rule = match.getRule().getName();
        outcome.beginRule(rule, policy.sourceOf(rule));
    }
}
