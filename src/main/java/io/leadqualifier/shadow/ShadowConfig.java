package io.leadqualifier.shadow;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The shadow policy's queue and what its agreement keeps. */
@ConfigMapping(prefix = "lead-qualifier.shadow")
public interface ShadowConfig {

    /**
     * Live decisions waiting for the shadow evaluation. When the worker falls this far behind, further decisions are
     * not evaluated under the shadow (counted as dropped): the request never waits for the shadow.
     */
    @WithDefault("4096")
    int queueCapacity();

    /** The most recent disagreements (and failures) kept as examples. */
    @WithDefault("20")
    int examples();
}
