package io.leadqualifier.shadow;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadqualifier.policy.archive.PolicyArchive;
import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.policy.archive.PolicyCandidate.Origin;
import io.leadqualifier.policy.candidate.CandidatePolicies;
import io.leadqualifier.policy.candidate.CandidatePolicy;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.source.PolicyFile;

/**
 * What RevOps give to shadow (changed files laid over the live policy's, or a stored version), compiled and checked
 * by {@link CandidatePolicies}: refused when it does not compile, kept with its report when a check fails. An attached
 * candidate is recorded in the archive (origin SHADOW), so that its files outlive a restart and it can be activated
 * like any stored version, and so the candidates list shows who attached what.
 */
@ApplicationScoped
class ShadowCandidates {
    private final CandidatePolicies candidates;
    private final PolicyArchive archive;

    ShadowCandidates(CandidatePolicies candidates, PolicyArchive archive) {
        this.candidates = candidates;
        this.archive = archive;
    }

    /** The live policy with these files added or replacing its own. */
    ShadowCandidate fromUploads(List<PolicyFile> uploaded, String submittedBy, String liveVersion) {
        return recorded(candidates.uploaded(uploaded, submittedBy), liveVersion);
    }

    /** A stored version; a 404 when there is none. */
    ShadowCandidate fromVersion(String version, String submittedBy) {
        return recorded(candidates.stored(version, submittedBy), null);
    }

    /** A version attached before a restart, compiled and checked again; the candidate recorded then stays the record. */
    ShadowCandidate restore(String version, long candidateId, String attachedBy, Instant attachedAt, String basedOn) {
        CandidatePolicy candidate = candidates.stored(version, attachedBy);
        PolicyCandidate report = candidate.report();
        return new ShadowCandidate(candidate.policy(), new PolicyCandidate(candidateId, version, Origin.SHADOW, attachedBy, attachedAt,
                report.status(), report.problems()), basedOn);
    }

    private ShadowCandidate recorded(CandidatePolicy candidate, String basedOn) {
        PolicyCandidate report = candidate.report();
        CompiledPolicy policy = candidate.policy();
        PolicyCandidate recorded = archive.recordCandidate(new PolicyCandidate(null, report.version(), Origin.SHADOW,
                report.submittedBy(), report.submittedAt(), report.status(), report.problems()), policy.contentHash(), policy.files());
        return new ShadowCandidate(policy, recorded, basedOn);
    }
}
