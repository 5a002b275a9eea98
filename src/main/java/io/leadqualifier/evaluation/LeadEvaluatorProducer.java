package io.leadqualifier.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the plain {@link LeadEvaluator} (also used outside CDI, by benchmarks) injectable. */
class LeadEvaluatorProducer {

    @Produces
    @ApplicationScoped
    LeadEvaluator leadEvaluator(EvaluationConfig config) {
        return new LeadEvaluator(config.maxFirings());
    }
}
