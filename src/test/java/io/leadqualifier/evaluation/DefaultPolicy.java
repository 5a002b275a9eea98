package io.leadqualifier.evaluation;

import java.nio.file.Path;

import io.leadqualifier.facts.Lead;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.compile.PolicyCompiler;
import io.leadqualifier.policy.source.PolicyFolders;

/** The policy shipped in the repository's rules/ and decision-tables/, compiled once per test run. */
final class DefaultPolicy {
    private static CompiledPolicy policy;

    private DefaultPolicy() {
    }

    static synchronized CompiledPolicy get() {
        if (policy == null) {
            policy = new PolicyCompiler(4).compile(new PolicyFolders(Path.of(".")).read());
        }
        return policy;
    }

    static Ledger evaluate(Leads lead) {
        return evaluate(lead.build());
    }

    static Ledger evaluate(Lead lead) {
        return new LeadEvaluator(1000).evaluate(get(), lead).ledger();
    }
}
