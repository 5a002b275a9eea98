package io.leadqualifier.policy.check;

import java.util.List;

import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.source.PolicyProblem;

/**
 * A check a compiled policy must pass before it serves. Every check runs on every candidate, whatever way
 * it arrives; any problem keeps the running policy in place.
 */
public interface PolicyCheck {

    /** The problems found; empty when the policy may serve. */
    List<PolicyProblem> check(CompiledPolicy policy);
}
