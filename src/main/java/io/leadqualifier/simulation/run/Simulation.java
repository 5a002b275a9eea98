package io.leadqualifier.simulation.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.simulation.report.SimulationReport;

/**
 * A simulation as {@code GET /api/v1/simulations/{id}} shows it.
 *
 * @param baseline   the version the candidate is compared with (the serving policy unless another was asked for)
 * @param checks     the candidate's check report: a candidate failing its scenarios is simulated all the same
 * @param population where the leads come from
 * @param failures   the first members a policy failed on (a rule threw or looped); they are left out of the report
 * @param report     once {@code DONE}
 * @param error      once {@code FAILED}: why
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Simulation(String id, SimulationStatus status, String submittedBy, Instant submittedAt, Instant startedAt,
        Instant finishedAt, String baseline, String candidate, PolicyCandidate checks, Map<String, Object> population,
        Progress progress, List<Failure> failures, SimulationReport report, String error) {

    /**
     * How far it got.
     *
     * @param total members in the population, when known before reading them
     */
    public record Progress(long processed, Long total, long failed) {
    }

    /** A member a policy failed on. */
    public record Failure(String leadId, Instant asOf, String decisionId, Long line, String message) {
    }

    /** A simulation's report, and the first members the policies failed on. */
    public record Outcome(SimulationReport report, List<Failure> failures) {
    }
}
