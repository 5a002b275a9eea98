package io.leadqualifier.evaluation;

import io.leadqualifier.facts.Lead;
import io.leadqualifier.policy.compile.CompiledPolicy;

/** A finished evaluation: the lead, the policy version that judged it, and the ledger of what the rules decided. */
public record Evaluation(Lead lead, CompiledPolicy policy, Ledger ledger) {
}
