package io.leadqualifier.policy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Stores every policy version that served, with its files, so that the policy behind any decision can
 * be recovered and replayed long after it stopped serving.
 */
@ApplicationScoped
public class PolicyArchive {

    /** Stores the version (once) and the activation. */
    @Transactional
    public void recordActivation(CompiledPolicy policy, Instant activatedAt, String activatedBy) {
        if (PolicyVersionRecord.findById(policy.version()) == null) {
            PolicyVersionRecord version = new PolicyVersionRecord();
            version.version = policy.version();
            version.contentHash = policy.contentHash();
            version.fileCount = policy.files().size();
            version.firstActivatedAt = activatedAt;
            version.persist();
            for (PolicyFile file : policy.files()) {
                PolicyFileRecord stored = new PolicyFileRecord();
                stored.version = policy.version();
                stored.path = file.path();
                stored.sha256 = sha256(file.content());
                stored.contentBase64 = Base64.getEncoder().encodeToString(file.content());
                stored.persist();
            }
        }
        PolicyActivationRecord activation = new PolicyActivationRecord();
        activation.version = policy.version();
        activation.activatedAt = activatedAt;
        activation.activatedBy = activatedBy;
        activation.persist();
    }

    /** The files of a stored version, in path order; empty when the version was never served. */
    @Transactional
    public List<PolicyFile> files(String version) {
        List<PolicyFileRecord> records = PolicyFileRecord.list("version = ?1 order by path", version);
        return records.stream()
                .map(record -> new PolicyFile(record.path, Base64.getDecoder().decode(record.contentBase64)))
                .toList();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
