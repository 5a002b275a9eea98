package io.leadqualifier.evaluation;

import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import io.leadqualifier.facts.Outcome;
import io.leadqualifier.policy.CompiledPolicy;
import io.leadqualifier.policy.PolicyCompiler;

/**
 * Tells the outcome which rule is firing, so the trace lists every activation in order and every
 * reason names its rule and file. Stateless: a pooled session keeps it across evaluations.
 */
final class FiredRuleRecorder extends DefaultAgendaEventListener {
    private final CompiledPolicy policy;

    FiredRuleRecorder(CompiledPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        Outcome outcome = (Outcome) event.getKieRuntime().getGlobal(PolicyCompiler.OUTCOME_GLOBAL);
        String rule = event.getMatch().getRule().getName();
        outcome.beginRule(rule, policy.sourceOf(rule));
    }
}
