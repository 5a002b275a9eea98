package io.leadqualifier.policy.activation;

import io.leadqualifier.policy.compile.CompiledPolicy;

/**
 * Work that makes a policy fast once it serves, such as evaluating sample leads so that requests do not
 * pay for the engine's lazy initialisation. It checks nothing, so it runs after activation, in the
 * background ({@link PolicyWarmUps}), instead of holding up a reload.
 */
public interface PolicyWarmUp {

    void warmUp(CompiledPolicy policy);
}
