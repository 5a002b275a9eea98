package io.leadqualifier.evaluation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds on one evaluation. */
@ConfigMapping(prefix = "lead-qualifier.evaluation")
public interface EvaluationConfig {

    /**
     * Rule firings allowed per evaluation, plus two per distinct activity type; beyond it the policy is
     * taken to loop and the request fails without recording anything. The default policy fires about 20.
     */
    @WithDefault("1000")
    int maxFirings();
}
