package io.leadqualifier.simulation.report;

import java.util.Objects;

import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;
import io.leadqualifier.simulation.calibration.Calibration;
import io.leadqualifier.simulation.calibration.OutcomeTally;

/**
 * Adds comparisons up into a {@link SimulationReport}. They must come grouped by lead, in time order within a lead:
 * a lead's hand-offs depend on its previous verdict, and its calibration on its last.
 * <p>
 * A verdict opens a hand-off when it has an SLA whose queue is not the one the same policy last handed the lead to
 * in this population: a hand-off stays open until sales or the sweep close it, and what sales did is not replayed.
 */
public final class SimulationTally {
    private final Transitions.Counter<Stage> stages = new Transitions.Counter<>(Stage.class);
    private final Transitions.Counter<Temperature> temperatures = new Transitions.Counter<>(Temperature.class);
    private final Transitions.Counter<Route> routes = new Transitions.Counter<>(Route.class);
    private final ScoreShift.Counter shift = new ScoreShift.Counter();
    private final HandoffLoad.Counter handoffs = new HandoffLoad.Counter();
    private final OutcomeTally baselineOutcomes = new OutcomeTally();
    private final OutcomeTally candidateOutcomes = new OutcomeTally();
    private long evaluated;
    private long leads;
    private long changed;
    private Comparison last;
    private String baselineQueue;
    private String candidateQueue;

    public void add(Comparison comparison) {
        if (last == null || !last.leadId().equals(comparison.leadId())) {
            leadDone();
            leads++;
            baselineQueue = null;
            candidateQueue = null;
        }
        evaluated++;
        changed += comparison.changed() ? 1 : 0;
        Verdict baseline = comparison.baseline();
        Verdict candidate = comparison.candidate();
        stages.add(baseline.stage(), candidate.stage());
        temperatures.add(baseline.temperature(), candidate.temperature());
        routes.add(baseline.route(), candidate.route());
        shift.add(baseline.total(), candidate.total());
        if (baseline.queue() != null && !Objects.equals(baseline.queue(), baselineQueue)) {
            handoffs.opened(comparison.asOf(), baseline.queue(), false);
            baselineQueue = baseline.queue();
        }
        if (candidate.queue() != null && !Objects.equals(candidate.queue(), candidateQueue)) {
            handoffs.opened(comparison.asOf(), candidate.queue(), true);
            candidateQueue = candidate.queue();
        }
        last = comparison;
    }

    /** The report, once every comparison is in. */
    public SimulationReport report() {
        leadDone();
        last = null;
        SimulationReport.Calibrations calibrations = baselineOutcomes.leads() == 0 ? null
                : new SimulationReport.Calibrations(Calibration.of(baselineOutcomes), Calibration.of(candidateOutcomes));
        return new SimulationReport(evaluated, leads, changed, stages.transitions(), temperatures.transitions(), routes.transitions(),
                shift.shift(), handoffs.load(), calibrations);
    }

    /** A lead's last verdicts calibrate each policy, when its outcome is known. */
    private void leadDone() {
        if (last != null && last.converted() != null) {
            Verdict baseline = last.baseline();
            Verdict candidate = last.candidate();
            baselineOutcomes.add(baseline.stage(), baseline.temperature(), baseline.total(), last.converted());
            candidateOutcomes.add(candidate.stage(), candidate.temperature(), candidate.total(), last.converted());
        }
    }
}
