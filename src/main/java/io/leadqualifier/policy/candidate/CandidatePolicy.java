package io.leadqualifier.policy.candidate;

import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.policy.compile.CompiledPolicy;

/**
 * A compiled candidate and its check report.
 *
 * @param policy ready to evaluate leads, whatever its scenarios and lint found
 * @param report as {@code POST /api/v1/policy/validate} answers it: {@code VALID}, or {@code INVALID} with the errors
 */
public record CandidatePolicy(CompiledPolicy policy, PolicyCandidate report) {

    public String version() {
        return policy.version();
    }

    /** Whether it would be activated: no check found an error. */
    public boolean passesChecks() {
        return report.status() == PolicyCandidate.Status.VALID;
    }
}
