package io.leadqualifier.policy.activation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import io.leadqualifier.policy.archive.PolicyArchive;
import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.policy.source.PolicyConfig;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyFolders;

/**
 * Policy changes made through the API: validate files, upload them (written into the watched folders once
 * they pass), and activate an earlier version. Every path goes through {@link PolicyChanges}: the same
 * checks as a save on disk.
 */
@ApplicationScoped
public class PolicyAdministration {
    private final PolicyChanges changes;
    private final PolicyArchive archive;
    private final PolicyFolders directory;

    PolicyAdministration(PolicyChanges changes, PolicyArchive archive, PolicyConfig config) {
        this.changes = changes;
        this.archive = archive;
        this.directory = new PolicyFolders(config.directory());
    }

    /** The policy as it would be with these files added or replaced, checked but not activated. */
    public PolicyCandidate validate(List<PolicyFile> uploaded, String submittedBy) {
        return changes.validate(withUploads(uploaded), submittedBy);
    }

    /** Checks the policy with these files and, if it passes, writes them into the folders and activates it. */
    public PolicyCandidate upload(List<PolicyFile> uploaded, String submittedBy) {
        PolicyCandidate candidate = changes.submit(withUploads(uploaded), PolicyCandidate.Origin.API_UPLOAD, submittedBy,
                files -> directory.write(uploaded, false));
        return requireServing(candidate);
    }

    /** Makes an earlier version serve again (after the same checks), and puts its files back in the folders. */
    public PolicyCandidate activate(String version, String submittedBy) {
        return activate(version, PolicyCandidate.Origin.ROLLBACK, submittedBy);
    }

    /**
     * Makes a stored version serve (after the same checks), and puts its files in the folders.
     *
     * @param origin recorded with the candidate: a rollback, or the shadow policy activated
     */
    public PolicyCandidate activate(String version, PolicyCandidate.Origin origin, String submittedBy) {
        List<PolicyFile> files = archive.files(version);
        if (files.isEmpty()) {
            throw new NotFoundException("No policy version " + version);
        }
        PolicyCandidate candidate = changes.submit(files, origin, submittedBy,
                stored -> directory.write(stored, true));
        return requireServing(candidate);
    }

    private List<PolicyFile> withUploads(List<PolicyFile> uploaded) {
        Map<String, PolicyFile> files = new LinkedHashMap<>();
        directory.read().forEach(file -> files.put(file.path(), file));
        uploaded.forEach(file -> files.put(file.path(), file));
        return new ArrayList<>(files.values());
    }

    private static PolicyCandidate requireServing(PolicyCandidate candidate) {
        if (candidate.status() == PolicyCandidate.Status.REJECTED) {
            throw new PolicyRejectedException(candidate);
        }
        return candidate;
    }
}
