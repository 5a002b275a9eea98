package io.leadqualifier.policy;

import java.util.List;

/**
 * A check a compiled policy must pass before it serves. Every check runs on every candidate, whatever way
 * it arrives; any problem keeps the running policy in place.
 */
public interface PolicyCheck {

    /** The problems found; empty when the policy may serve. */
    List<PolicyProblem> check(CompiledPolicy policy);
}
