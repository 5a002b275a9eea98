package io.leadqualifier.policy.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadqualifier.policy.OwnPolicyCopyProfile;
import io.leadqualifier.policy.archive.PolicyArchive;
import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.policy.archive.PolicyCandidate.Origin;
import io.leadqualifier.policy.archive.PolicyCandidate.Status;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyFolders;
import io.leadqualifier.policy.source.PolicyVersions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * How an instance of a cluster follows the versions other instances accept: a candidate announced while another
 * instance checks it is compiled here but serves only once its activation is recorded, and an activation read
 * before a change this instance accepted since never rolls that change back.
 */
@QuarkusTest
@TestProfile(PolicyFollowingTest.Profile.class)
class PolicyFollowingTest {
    /** A policy copy and a database of its own; changes come only from the test. */
    public static class Profile extends OwnPolicyCopyProfile {
        public Profile() {
            super("following", false);
        }
    }

    @Inject
    PolicyChanges changes;
    @Inject
    PolicyArchive archive;
    @Inject
    ActivePolicy active;

    private final PolicyFolders folders = new PolicyFolders(OwnPolicyCopyProfile.directory("following"));

    @Test
    void anActivationReadBeforeALaterChangeHereIsNotFollowed() {
        String before = serving();
        PolicyCandidate accepted = changes.submit(withComment("accepted here"), Origin.API_UPLOAD, "revops", null);
        assertThat(accepted.status()).isEqualTo(Status.ACTIVATED);

        boolean followed = changes.follow(new PolicyArchive.LatestActivation(before, Instant.EPOCH, Status.ACTIVATED), folders);

        assertThat(followed).as("followed the activation read before the change").isFalse();
        assertThat(serving()).isEqualTo(accepted.version());
    }

    @Test
    void aCandidateCompiledWhileAnotherInstanceChecksItServesOnlyOnceActivated() {
        List<PolicyFile> files = withComment("checked on another instance");
        String contentHash = PolicyVersions.contentHash(files);
        String version = PolicyVersions.version(contentHash);
        String before = serving();
        archive.storeFiles(version, contentHash, files, Instant.now());

        changes.prepare(version, Runnable::run);

        assertThat(serving()).as("serving before the other instance's checks end").isEqualTo(before);
        archive.recordCandidate(new PolicyCandidate(null, version, Origin.API_UPLOAD, "revops", Instant.now(), Status.ACTIVATED,
                List.of()), contentHash, files);
        assertThat(changes.follow(archive.latestActivation().orElseThrow(), folders)).isTrue();
        assertThat(serving()).isEqualTo(version);
    }

    @Test
    void aCandidateThatDoesNotCompileIsPreparedForNothingAndNeverServes() {
        List<PolicyFile> files = new ArrayList<>(folders.read());
        files.replaceAll(file -> file.path().equals("rules/assessment.drl") ? new PolicyFile(file.path(),
                "package leadqualifier.policy;\nrule \"Broken\" when Lead( then end".getBytes(StandardCharsets.UTF_8)) : file);
        String contentHash = PolicyVersions.contentHash(files);
        String before = serving();
        archive.storeFiles(PolicyVersions.version(contentHash), contentHash, files, Instant.now());

        changes.prepare(PolicyVersions.version(contentHash), Runnable::run);

        assertThat(serving()).isEqualTo(before);
    }

    private String serving() {
        return active.require().policy().version();
    }

    /** The serving files with a comment added to the DRL: a new version that decides as the old one. */
    private List<PolicyFile> withComment(String comment) {
        List<PolicyFile> files = new ArrayList<>(active.require().policy().files());
        files.replaceAll(file -> file.path().equals("rules/assessment.drl") ? new PolicyFile(file.path(),
                (new String(file.content(), StandardCharsets.UTF_8) + "\n// " + comment + " at " + System.nanoTime() + "\n")
                        .getBytes(StandardCharsets.UTF_8)) : file);
        return files;
    }
}
