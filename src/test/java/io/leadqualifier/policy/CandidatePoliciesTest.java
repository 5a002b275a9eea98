package io.leadqualifier.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import org.junit.jupiter.api.Test;

import io.leadqualifier.policy.activation.ActivePolicy;
import io.leadqualifier.policy.activation.PolicyRejectedException;
import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.policy.candidate.CandidatePolicies;
import io.leadqualifier.policy.candidate.CandidatePolicy;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.simulation.SimulationProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A candidate to compare with the serving policy: compiled and checked, refused only when it does not compile. */
@QuarkusTest
@TestProfile(SimulationProfile.class)
class CandidatePoliciesTest {
    private static final String THRESHOLDS = "decision-tables/stage-thresholds.xlsx";

    @Inject
    CandidatePolicies candidates;
    @Inject
    ActivePolicy active;

    @Test
    void aCandidateThatFailsItsScenariosIsStillCompiledWithItsReport() {
        byte[] lowerThreshold = PolicyWorkspace.copyOfDefault()
                .setCell("stage-thresholds.xlsx", "Stages", "Stage: MQL", "Total at least", 60).bytes(THRESHOLDS);

        CandidatePolicy candidate = candidates.uploaded(List.of(new PolicyFile(THRESHOLDS, lowerThreshold)), "revops");

        assertThat(candidate.passesChecks()).isFalse();
        assertThat(candidate.report().status()).isEqualTo(PolicyCandidate.Status.INVALID);
        assertThat(candidate.report().problems()).anySatisfy(problem -> assertThat(problem.toString()).contains("expected stage"));
        assertThat(candidate.version()).isNotEqualTo(active.require().policy().version()).isEqualTo(candidate.report().version());
        assertThat(candidate.policy().files()).hasSameSizeAs(active.require().policy().files());
    }

    @Test
    void aStoredVersionIsCompiledAgainAndChecked() {
        String serving = active.require().policy().version();

        CandidatePolicy candidate = candidates.stored(serving, "revops");

        assertThat(candidate.version()).isEqualTo(serving);
        assertThat(candidate.passesChecks()).isTrue();
        assertThat(candidate.policy()).isNotSameAs(active.require().policy());
    }

    @Test
    void aCandidateThatDoesNotCompileIsRefusedWithItsProblems() {
        PolicyFile broken = new PolicyFile("rules/broken.drl", """
                package leadqualifier.policy
                rule "Broken" when Lead( undefinedField == 1 ) then end
                """.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> candidates.uploaded(List.of(broken), "revops"))
                .isInstanceOfSatisfying(PolicyRejectedException.class, refused -> assertThat(refused.candidate().problems())
                        .anySatisfy(problem -> assertThat(problem.file()).isEqualTo("rules/broken.drl")));
    }

    @Test
    void aVersionTheArchiveDoesNotHaveIsNotFound() {
        assertThatThrownBy(() -> candidates.stored("000000000000", "revops")).isInstanceOf(NotFoundException.class);
    }
}
