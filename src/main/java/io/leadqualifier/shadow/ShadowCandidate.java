package io.leadqualifier.shadow;

import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.policy.compile.CompiledPolicy;

/**
 * A compiled candidate policy and its check report, ready to shadow the live one.
 *
 * @param report  the candidate as recorded (origin SHADOW): VALID when it passed every check, INVALID with the
 *                problems when it did not (it is still attached: RevOps want to see what it would do)
 * @param basedOn the live version its uploaded files were laid over; null when attached as a stored version
 */
record ShadowCandidate(CompiledPolicy policy, PolicyCandidate report, String basedOn) {

    boolean passedChecks() {
        return report.status() == PolicyCandidate.Status.VALID;
    }
}
