package io.leadqualifier.policy.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.compile.PolicyCompiler;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyFolders;

class CompilerWarmUpTest {
    private static final List<PolicyFile> SHIPPED = new PolicyFolders(Path.of(".")).read();

    /** Counts what it compiles. */
    private static final class CountingCompiler extends PolicyCompiler {
        int compilations;

        CountingCompiler() {
            super(1);
        }

        @Override
        public CompiledPolicy compile(List<PolicyFile> files) {
            compilations++;
            return super.compile(files);
        }
    }

    @Test
    void compilesTheServingPolicyAsOftenAsConfiguredAndThenNeverAgain() {
        CountingCompiler compiler = new CountingCompiler();
        CompiledPolicy serving = compiler.compile(SHIPPED);
        ActivePolicy active = new ActivePolicy();
        active.activate(serving, Instant.EPOCH);
        CompilerWarmUp warmUp = new CompilerWarmUp(compiler, active, 2);

        warmUp.warmUp(serving);
        warmUp.warmUp(serving);

        assertThat(compiler.compilations).as("the policy served, then two warm-up compilations").isEqualTo(3);
    }

    @Test
    void aPolicyNoLongerServingIsNotCompiledAgain() {
        CountingCompiler compiler = new CountingCompiler();
        CompiledPolicy replaced = compiler.compile(SHIPPED);
        ActivePolicy active = new ActivePolicy();
        active.activate(compiler.compile(SHIPPED), Instant.EPOCH);

        new CompilerWarmUp(compiler, active, 5).warmUp(replaced);

        assertThat(compiler.compilations).isEqualTo(2);
    }
}
