package io.leadqualifier.shadow;

import java.time.Instant;

import io.leadqualifier.policy.archive.PolicyCandidate;

/**
 * The shadow policy as {@code GET /api/v1/policy/shadow} shows it.
 *
 * @param version      the candidate's version (content hash)
 * @param basedOn      the live version its uploaded files were laid over; null when attached as a stored version
 * @param passedChecks whether it passed every check (only then can it be activated)
 * @param report       its check report, as recorded with the candidate
 * @param liveVersion  the version serving now
 * @param waiting      live decisions queued for the shadow, not evaluated yet
 * @param agreement    since the attachment (or the last restart)
 */
public record ShadowView(String version, String basedOn, Instant attachedAt, String attachedBy, boolean passedChecks,
        PolicyCandidate report, String liveVersion, int waiting, Agreement.View agreement) {
}
