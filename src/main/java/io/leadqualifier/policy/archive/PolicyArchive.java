package io.leadqualifier.policy.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyProblem;
import io.leadqualifier.system.Sha256;

/**
 * Stores every candidate policy with its files and check report, and every activation, so that the
 * policy behind any decision can be recovered and replayed long after it stopped serving, and rejected
 * attempts stay visible.
 */
@ApplicationScoped
public class PolicyArchive {
    private static final TypeReference<List<PolicyProblem>> PROBLEMS = new TypeReference<>() {
    };
    private final ObjectMapper json;

    PolicyArchive(ObjectMapper json) {
        this.json = json;
    }

    /** Stores the version's files (once) and the candidate; returns the candidate with its id. */
    @Transactional
    public PolicyCandidate recordCandidate(PolicyCandidate candidate, String contentHash, List<PolicyFile> files) {
        storeVersion(candidate.version(), contentHash, files, candidate.submittedAt());
        PolicyCandidateRecord record = new PolicyCandidateRecord();
        record.version = candidate.version();
        record.submittedAt = candidate.submittedAt();
        record.submittedBy = candidate.submittedBy();
        record.origin = candidate.origin().name();
        record.status = candidate.status().name();
        record.reportJson = write(candidate.problems());
        record.persist();
        if (candidate.status() == PolicyCandidate.Status.ACTIVATED) {
            PolicyActivationRecord activation = new PolicyActivationRecord();
            activation.version = candidate.version();
            activation.candidateId = record.id;
            activation.activatedAt = candidate.submittedAt();
            activation.persist();
        }
        return new PolicyCandidate(record.id, candidate.version(), candidate.origin(), candidate.submittedBy(),
                candidate.submittedAt(), candidate.status(), candidate.problems());
    }

    /**
     * Stores a version's files before its candidate is decided, so that the other instances of a cluster can
     * compile it while this one checks it. A version is its content: storing it again changes nothing. Until a
     * candidate is recorded, the version lists with no status.
     */
    @Transactional
    public void storeFiles(String version, String contentHash, List<PolicyFile> files, Instant createdAt) {
        storeVersion(version, contentHash, files, createdAt);
    }

    private static void storeVersion(String version, String contentHash, List<PolicyFile> files, Instant createdAt) {
        if (PolicyVersionRecord.findById(version) != null) {
            return;
        }
        PolicyVersionRecord stored = new PolicyVersionRecord();
        stored.version = version;
        stored.contentHash = contentHash;
        stored.fileCount = files.size();
        stored.createdAt = createdAt;
        stored.persist();
        for (PolicyFile file : files) {
            PolicyFileRecord record = new PolicyFileRecord();
            record.version = version;
            record.path = file.path();
            record.sha256 = Sha256.hex(file.content());
            record.contentBase64 = Base64.getEncoder().encodeToString(file.content());
            record.persist();
        }
    }

    /** The last activation recorded: the policy every instance on this database serves. */
    public record LatestActivation(String version, Instant activatedAt, PolicyCandidate.Status candidateStatus) {
    }

    /** The activation recorded last, with the status of the candidate that made it; empty before the first. */
    @Transactional
    public Optional<LatestActivation> latestActivation() {
        return PolicyActivationRecord.<PolicyActivationRecord>find("order by id desc").firstResultOptional().map(activation -> {
            PolicyCandidateRecord candidate = PolicyCandidateRecord.findById(activation.candidateId);
            return new LatestActivation(activation.version, activation.activatedAt, PolicyCandidate.Status.valueOf(candidate.status));
        });
    }

    /** The files of a stored version, in path order; empty when the version is unknown. */
    @Transactional
    public List<PolicyFile> files(String version) {
        List<PolicyFileRecord> records = PolicyFileRecord.list("version = ?1 order by path", version);
        return records.stream()
                .map(record -> new PolicyFile(record.path, Base64.getDecoder().decode(record.contentBase64)))
                .toList();
    }

    @Transactional
    public Optional<PolicyVersionRecord> version(String version) {
        return PolicyVersionRecord.findByIdOptional(version);
    }

    /** Versions, newest first. */
    @Transactional
    public List<PolicyVersionRecord> versions(int limit) {
        return PolicyVersionRecord.<PolicyVersionRecord>find("order by createdAt desc, version").page(0, limit).list();
    }

    /** Candidates, newest first; of one version when {@code version} is not null. */
    @Transactional
    public List<PolicyCandidate> candidates(String version, int limit) {
        List<PolicyCandidateRecord> records = version == null
                ? PolicyCandidateRecord.<PolicyCandidateRecord>find("order by id desc").page(0, limit).list()
                : PolicyCandidateRecord.<PolicyCandidateRecord>find("version = ?1 order by id desc", version).page(0, limit).list();
        return records.stream().map(this::candidate).toList();
    }

    /** The most recent rejected candidate, if any. */
    @Transactional
    public Optional<PolicyCandidate> lastRejected() {
        return PolicyCandidateRecord.<PolicyCandidateRecord>find("status = ?1 order by id desc",
                PolicyCandidate.Status.REJECTED.name()).firstResultOptional().map(this::candidate);
    }

    /** What the versions list shows of one version: how it fared last, and when it served. */
    public record VersionHistory(List<Instant> activations, String lastStatus) {
    }

    /**
     * The activations and last candidate status of each of {@code versions}, in two queries whatever their
     * number; versions without a candidate have a null status.
     */
    @Transactional
    public Map<String, VersionHistory> histories(List<String> versions) {
        if (versions.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Instant>> activations = new HashMap<>();
        PolicyActivationRecord.<PolicyActivationRecord>find("version in ?1 order by id desc", versions).list()
                .forEach(activation -> activations.computeIfAbsent(activation.version, v -> new ArrayList<>()).add(activation.activatedAt));
        Map<String, String> lastStatus = new HashMap<>();
        PolicyCandidateRecord.<PolicyCandidateRecord>find("id in (select max(c.id) from PolicyCandidateRecord c"
                + " where c.version in ?1 group by c.version)", versions).list()
                .forEach(candidate -> lastStatus.put(candidate.version, candidate.status));
        Map<String, VersionHistory> histories = new HashMap<>();
        for (String version : versions) {
            histories.put(version, new VersionHistory(activations.getOrDefault(version, List.of()), lastStatus.get(version)));
        }
        return histories;
    }

    /** When each activation of a version happened, newest first. */
    @Transactional
    public List<Instant> activations(String version) {
        return PolicyActivationRecord.<PolicyActivationRecord>find("version = ?1 order by id desc", version).list().stream()
                .map(activation -> activation.activatedAt).toList();
    }

    private PolicyCandidate candidate(PolicyCandidateRecord record) {
        try {
            return new PolicyCandidate(record.id, record.version, PolicyCandidate.Origin.valueOf(record.origin),
                    record.submittedBy, record.submittedAt, PolicyCandidate.Status.valueOf(record.status),
                    json.readValue(record.reportJson, PROBLEMS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Policy candidate " + record.id + " has an unreadable report", e);
        }
    }

    private String write(List<PolicyProblem> problems) {
        try {
            return json.writeValueAsString(problems);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a check report", e);
        }
    }
}
