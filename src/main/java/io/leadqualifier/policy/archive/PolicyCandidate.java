package io.leadqualifier.policy.archive;

import java.time.Instant;
import java.util.List;

import io.leadqualifier.policy.source.PolicyProblem;

/**
 * A policy submitted to serve, and what became of it.
 *
 * @param id          its number in the history; null for a validation, which is not recorded
 * @param version     the content hash of its files
 * @param origin      how it arrived
 * @param submittedBy who or what submitted it
 * @param status      what became of it
 * @param problems    the check report: errors keep it from serving, warnings and notes do not
 */
public record PolicyCandidate(Long id, String version, Origin origin, String submittedBy, Instant submittedAt,
        Status status, List<PolicyProblem> problems) {

    /** How a candidate arrived. */
    public enum Origin {
        STARTUP, FILE_WATCH, API_UPLOAD, ROLLBACK, VALIDATION,
        /** Attached as the shadow policy (status VALID or INVALID), or activated from the shadow. */
        SHADOW
    }

    /** What became of a candidate. */
    public enum Status {
        /** Passed every check and serves (or served) from its activation on. */
        ACTIVATED,
        /** Failed a check; the running policy kept serving. */
        REJECTED,
        /** Its files are those of the version already serving: nothing to do. */
        UNCHANGED,
        /** Validation only: passed every check, not activated. */
        VALID,
        /** Validation only: failed a check. */
        INVALID
    }

    public long errorCount() {
        return problems.stream().filter(PolicyProblem::isError).count();
    }
}
