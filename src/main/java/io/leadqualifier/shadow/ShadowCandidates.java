package io.leadqualifier.shadow;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import io.leadqualifier.policy.activation.ActivePolicy;
import io.leadqualifier.policy.activation.PolicyRejectedException;
import io.leadqualifier.policy.archive.PolicyArchive;
import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.policy.archive.PolicyCandidate.Origin;
import io.leadqualifier.policy.archive.PolicyCandidate.Status;
import io.leadqualifier.policy.check.PolicyCheck;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.compile.PolicyCompilationException;
import io.leadqualifier.policy.compile.PolicyCompiler;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyProblem;
import io.leadqualifier.policy.source.PolicyVersions;
import io.quarkus.arc.All;

/**
 * Turns what RevOps give (changed files laid over the live policy's, or a stored version) into a compiled candidate
 * with the report of every check a policy passes before it serves. One that does not compile is refused with its
 * compile problems; one that fails a check is kept, with its report.
 */
@ApplicationScoped
class ShadowCandidates {
    private final PolicyCompiler compiler;
    private final List<PolicyCheck> checks;
    private final PolicyArchive archive;
    private final ActivePolicy active;

    // @All, as PolicyChanges does: a plain Instance<PolicyCheck> lets Quarkus remove the check beans as unused.
    ShadowCandidates(PolicyCompiler compiler, @All List<PolicyCheck> checks, PolicyArchive archive, ActivePolicy active) {
        this.compiler = compiler;
        this.checks = checks.stream().sorted(Comparator.comparing(check -> check.getClass().getName())).toList();
        this.archive = archive;
        this.active = active;
    }

    /** The live policy with these files added or replacing its own; recorded as a candidate of origin SHADOW. */
    ShadowCandidate fromUploads(List<PolicyFile> uploaded, String submittedBy) {
        CompiledPolicy live = active.require().policy();
        Map<String, PolicyFile> files = new LinkedHashMap<>();
        live.files().forEach(file -> files.put(file.path(), file));
        uploaded.forEach(file -> files.put(file.path(), file));
        return build(new ArrayList<>(files.values()), submittedBy, live.version());
    }

    /** A stored version; a 404 when there is none. */
    ShadowCandidate fromVersion(String version, String submittedBy) {
        return build(stored(version), submittedBy, null);
    }

    /** A version attached before a restart, compiled and checked again without recording a new candidate. */
    ShadowCandidate restore(String version, long candidateId, String attachedBy, Instant attachedAt, String basedOn) {
        List<PolicyFile> files = stored(version);
        CompiledPolicy policy = compile(files, version, attachedBy, attachedAt);
        return new ShadowCandidate(policy, report(candidateId, version, attachedBy, attachedAt, check(policy)), basedOn);
    }

    private ShadowCandidate build(List<PolicyFile> files, String submittedBy, String basedOn) {
        String contentHash = PolicyVersions.contentHash(files);
        String version = PolicyVersions.version(contentHash);
        Instant submittedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CompiledPolicy policy = compile(files, version, submittedBy, submittedAt);
        PolicyCandidate recorded = archive.recordCandidate(report(null, version, submittedBy, submittedAt, check(policy)),
                contentHash, files);
        return new ShadowCandidate(policy, recorded, basedOn);
    }

    private CompiledPolicy compile(List<PolicyFile> files, String version, String submittedBy, Instant submittedAt) {
        try {
            return compiler.compile(files);
        } catch (PolicyCompilationException e) {
            // Nothing to evaluate with: refused as validate reports it, and not recorded.
            throw new PolicyRejectedException(new PolicyCandidate(null, version, Origin.SHADOW, submittedBy, submittedAt,
                    Status.INVALID, e.problems()));
        }
    }

    private List<PolicyProblem> check(CompiledPolicy policy) {
        List<PolicyProblem> problems = new ArrayList<>(policy.warnings());
        for (PolicyCheck check : checks) {
            problems.addAll(check.check(policy));
        }
        return problems;
    }

    private static PolicyCandidate report(Long id, String version, String submittedBy, Instant submittedAt,
            List<PolicyProblem> problems) {
        boolean passed = problems.stream().noneMatch(PolicyProblem::isError);
        return new PolicyCandidate(id, version, Origin.SHADOW, submittedBy, submittedAt, passed ? Status.VALID : Status.INVALID,
                problems);
    }

    private List<PolicyFile> stored(String version) {
        List<PolicyFile> files = archive.files(version);
        if (files.isEmpty()) {
            throw new NotFoundException("No policy version " + version);
        }
        return files;
    }
}
