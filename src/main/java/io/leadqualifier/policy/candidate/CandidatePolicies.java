package io.leadqualifier.policy.candidate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import io.leadqualifier.policy.activation.ActivePolicy;
import io.leadqualifier.policy.activation.PolicyChanges;
import io.leadqualifier.policy.activation.PolicyRejectedException;
import io.leadqualifier.policy.archive.PolicyArchive;
import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.policy.archive.PolicyCandidate.Origin;
import io.leadqualifier.policy.archive.PolicyCandidate.Status;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyVersions;

/**
 * Gets a compiled candidate: uploaded files over the serving policy's files, or a stored version. Every check runs
 * (the same as {@code validate}), nothing is recorded or activated. Only a candidate that does not compile is
 * refused: seeing what a change would do comes before fixing the scenarios it breaks.
 */
@ApplicationScoped
public class CandidatePolicies {
    private final PolicyChanges changes;
    private final ActivePolicy active;
    private final PolicyArchive archive;

    CandidatePolicies(PolicyChanges changes, ActivePolicy active, PolicyArchive archive) {
        this.changes = changes;
        this.active = active;
        this.archive = archive;
    }

    /**
     * The serving policy with these files added or replaced.
     *
     * @throws PolicyRejectedException (422 with the compile problems) when it does not compile
     */
    public CandidatePolicy uploaded(List<PolicyFile> uploaded, String submittedBy) {
        Map<String, PolicyFile> files = new LinkedHashMap<>();
        active.require().policy().files().forEach(file -> files.put(file.path(), file));
        uploaded.forEach(file -> files.put(file.path(), file));
        return checked(new ArrayList<>(files.values()), submittedBy);
    }

    /**
     * A version from the archive, however long ago it served (or if it never did).
     *
     * @throws NotFoundException when the archive does not have it
     * @throws PolicyRejectedException when it does not compile (any more)
     */
    public CandidatePolicy stored(String version, String submittedBy) {
        List<PolicyFile> files = archive.files(version);
        if (files.isEmpty()) {
            throw new NotFoundException("No policy version " + version);
        }
        return checked(files, submittedBy);
    }

    private CandidatePolicy checked(List<PolicyFile> files, String submittedBy) {
        PolicyChanges.Checked checked = changes.check(files);
        String version = PolicyVersions.version(PolicyVersions.contentHash(files));
        PolicyCandidate report = new PolicyCandidate(null, version, Origin.VALIDATION, submittedBy,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), checked.passed() ? Status.VALID : Status.INVALID, checked.problems());
        if (checked.policy() == null) {
            throw new PolicyRejectedException(report);
        }
        return new CandidatePolicy(checked.policy(), report);
    }
}
