package io.leadqualifier.policy.compile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.leadqualifier.policy.source.PolicyConfig;

/** Makes the plain {@link PolicyCompiler} (also used outside CDI, by benchmarks) injectable. */
public class PolicyCompilerProducer {

    @Produces
    @ApplicationScoped
    PolicyCompiler policyCompiler(PolicyConfig config) {
        return new PolicyCompiler(config.sessionPoolSize());
    }
}
