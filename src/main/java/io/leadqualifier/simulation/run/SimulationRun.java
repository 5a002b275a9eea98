package io.leadqualifier.simulation.run;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.leadqualifier.decision.LeadFacts;
import io.leadqualifier.evaluation.EvaluationFailedException;
import io.leadqualifier.evaluation.LeadEvaluator;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.simulation.report.Comparison;
import io.leadqualifier.simulation.report.SimulationTally;
import io.leadqualifier.simulation.report.Verdict;
import io.quarkus.logging.Log;

/**
 * One simulation at work: each member of the population evaluated under the baseline and the candidate (the same
 * evaluator and fact mapping as a decision, at the member's own asOf), added to the counters, and written to the
 * changed leads when its verdict changed. A member a policy fails on, or a line of a file that cannot be read, is
 * counted and left out.
 */
final class SimulationRun implements Runnable {
    /** The progress is written every this many members. */
    static final int PROGRESS_EVERY = 1000;
    /** The failures a report lists (all are counted). */
    static final int FAILURES_LISTED = 20;

    private final String id;
    private final CompiledPolicy baseline;
    private final CompiledPolicy candidate;
    private final Population population;
    private final LeadEvaluator evaluator;
    private final SimulationStore store;
    private final ChangedLeads changes;
    private final Clock clock;
    private final SimulationTally tally = new SimulationTally();
    private final List<Simulation.Failure> failures = new ArrayList<>();
    private long processed;
    private long failed;

    SimulationRun(String id, CompiledPolicy baseline, CompiledPolicy candidate, Population population, LeadEvaluator evaluator,
            SimulationStore store, ChangedLeads changes, Clock clock) {
        this.id = id;
        this.baseline = baseline;
        this.candidate = candidate;
        this.population = population;
        this.evaluator = evaluator;
        this.store = store;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public void run() {
        long began = System.nanoTime();
        try {
            store.started(id, now(), population.size());
            ChangedLeads.Writer changed = changes.writer(id);
            population.read(member -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("the service is stopping");
                }
                Comparison comparison = compare(member);
                if (comparison != null) {
                    tally.add(comparison);
                    if (comparison.changed()) {
                        changed.add(ChangedLead.of(comparison));
                    }
                }
                if (++processed % PROGRESS_EVERY == 0) {
                    store.progress(id, processed, failed);
                }
            });
            changed.flush();
            store.done(id, now(), processed, failed, new Simulation.Outcome(tally.report(), failures));
            Log.infof("Simulation %s of %s against %s: %d members in %d ms, %d failed", id, candidate.version(), baseline.version(),
                    processed, (System.nanoTime() - began) / 1_000_000, failed);
        } catch (RuntimeException e) {
            Log.warnf(e, "Simulation %s failed after %d members", id, processed);
            store.failed(id, now(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            population.close();
        }
    }

    /** Both verdicts, or null when a policy fails on the member (a rule threw or looped). */
    private Comparison compare(Member member) {
        if (member.refusal() != null) {
            fail(member, member.refusal());
            return null;
        }
        try {
            // A fresh fact graph per evaluation: rules may not share facts.
            Verdict before = Verdict.of(evaluator.evaluate(baseline, LeadFacts.of(member.input())).ledger());
            Verdict after = Verdict.of(evaluator.evaluate(candidate, LeadFacts.of(member.input())).ledger());
            return new Comparison(member.leadId(), member.asOf(), member.decisionId(), member.line(), before, after, member.converted());
        } catch (EvaluationFailedException e) {
            fail(member, e.getMessage());
            return null;
        }
    }

    private void fail(Member member, String message) {
        failed++;
        if (failures.size() < FAILURES_LISTED) {
            failures.add(new Simulation.Failure(member.leadId(), member.asOf(), member.decisionId(), member.line(), message));
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
