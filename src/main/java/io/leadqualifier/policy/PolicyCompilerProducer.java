package io.leadqualifier.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the plain {@link PolicyCompiler} (also used outside CDI, by benchmarks) injectable. */
class PolicyCompilerProducer {

    @Produces
    @ApplicationScoped
    PolicyCompiler policyCompiler(PolicyConfig config) {
        return new PolicyCompiler(config.sessionPoolSize());
    }
}
