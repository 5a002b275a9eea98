package io.leadqualifier.simulation.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.simulation.SimulationProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A simulation a stop of the service cut short is not left running for ever: start-up marks it failed, saying why. */
@QuarkusTest
@TestProfile(SimulationProfile.class)
class InterruptedSimulationTest {
    @Inject
    SimulationStore store;
    @Inject
    SimulationJobs jobs;

    @Test
    void aSimulationRunningWhenTheServiceStoppedIsFailedAtStartUp() {
        String running = UUID.randomUUID().toString();
        String waiting = UUID.randomUUID().toString();
        PolicyCandidate checks = new PolicyCandidate(null, "3070e0d376de", PolicyCandidate.Origin.VALIDATION, "revops",
                Instant.parse("2026-11-25T10:00:00Z"), PolicyCandidate.Status.VALID, java.util.List.of());
        store.queued(running, "revops", Instant.parse("2026-11-25T10:00:00Z"), "466c66e97130", "3070e0d376de", checks, Map.of("kind", "RECORDED_DECISIONS"));
        store.started(running, Instant.parse("2026-11-25T10:00:01Z"), 100_000L);
        store.progress(running, 41_000, 0);
        store.queued(waiting, "revops", Instant.parse("2026-11-25T10:00:02Z"), "466c66e97130", "3070e0d376de", checks, Map.of("kind", "RECORDED_DECISIONS"));

        jobs.failInterrupted(null);

        Simulation cut = jobs.find(running).orElseThrow();
        assertThat(cut.status()).isEqualTo(SimulationStatus.FAILED);
        assertThat(cut.error()).contains("interrupted by a restart");
        assertThat(cut.progress().processed()).isEqualTo(41_000);
        assertThat(cut.report()).isNull();
        assertThat(jobs.find(waiting).orElseThrow().status()).isEqualTo(SimulationStatus.FAILED);
    }
}
