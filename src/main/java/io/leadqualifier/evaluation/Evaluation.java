package io.leadqualifier.evaluation;

import io.leadqualifier.facts.Lead;
import io.leadqualifier.facts.Outcome;
import io.leadqualifier.policy.compile.CompiledPolicy;

/** A finished evaluation: the lead, the policy version that judged it, and what the rules decided. */
public record Evaluation(Lead lead, CompiledPolicy policy, Outcome outcome) {
}
