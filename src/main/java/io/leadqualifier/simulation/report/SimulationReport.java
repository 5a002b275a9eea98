package io.leadqualifier.simulation.report;

import java.util.List;

import io.leadqualifier.simulation.calibration.Calibration;

/**
 * What a simulation found, serving policy (baseline) against candidate.
 *
 * @param evaluated   population members evaluated under both policies
 * @param leads       distinct leads among them
 * @param changed     members whose stage, temperature, route, a score or the queue handed to differs
 * @param handoffLoad per ISO week and SLA owner queue, the hand-offs each policy would open
 * @param calibration each policy against the known outcomes; null when no outcome is known
 */
public record SimulationReport(long evaluated, long leads, long changed, Transitions stages, Transitions temperatures,
        Transitions routes, ScoreShift scoreShift, List<HandoffLoad> handoffLoad, Calibrations calibration) {

    /** Calibration of both policies over the same leads. */
    public record Calibrations(Calibration baseline, Calibration candidate) {
    }
}
