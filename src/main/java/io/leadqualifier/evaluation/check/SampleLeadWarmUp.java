package io.leadqualifier.evaluation.check;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadqualifier.evaluation.LeadEvaluator;
import io.leadqualifier.policy.activation.PolicyWarmUp;
import io.leadqualifier.policy.compile.CompiledPolicy;

/**
 * Evaluates the sample leads a few hundred times on a policy that has just started serving, so that the
 * engine's lazy work (session memories, constraints compiled after their first uses) is done before most
 * requests arrive rather than by them.
 */
@ApplicationScoped
public class SampleLeadWarmUp implements PolicyWarmUp {
    private static final int ROUNDS = 200;

    private final LeadEvaluator evaluator;

    SampleLeadWarmUp(LeadEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public void warmUp(CompiledPolicy policy) {
        for (int i = 0; i < ROUNDS; i++) {
            evaluator.evaluate(policy, i % 2 == 0 ? SampleLeadCheck.bareLead() : SampleLeadCheck.busyLead());
        }
    }
}
