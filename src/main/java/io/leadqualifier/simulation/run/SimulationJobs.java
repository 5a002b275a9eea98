package io.leadqualifier.simulation.run;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.leadqualifier.evaluation.LeadEvaluator;
import io.leadqualifier.policy.candidate.CandidatePolicy;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs simulations off the request thread, one at a time on one low-priority thread (evaluation competes with
 * qualify for the same cores), with at most {@link #MAX_WAITING} waiting; more are refused with 429. Every job is
 * in table {@code simulation} from submission on; one a restart cut short is marked failed at start-up.
 */
@ApplicationScoped
public class SimulationJobs {
    static final int MAX_WAITING = 4;

    private final SimulationStore store;
    private final ChangedLeads changes;
    private final LeadEvaluator evaluator;
    private final Clock clock;
    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_WAITING), task -> {
                Thread simulation = new Thread(task, "simulation");
                simulation.setDaemon(true);
                simulation.setPriority(Thread.MIN_PRIORITY);
                return simulation;
            });

    SimulationJobs(SimulationStore store, ChangedLeads changes, LeadEvaluator evaluator, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    void failInterrupted(@Observes StartupEvent start) {
        int interrupted = store.interrupted(clock.instant());
        if (interrupted > 0) {
            Log.warnf("%d simulation(s) were cut short by the last stop of the service: marked failed", interrupted);
        }
    }

    /**
     * Queues a simulation of {@code candidate} against {@code baseline} over {@code population}; returns its id.
     *
     * @throws SimulationsBusyException when {@link #MAX_WAITING} simulations are already waiting
     */
    public String submit(CompiledPolicy baseline, CandidatePolicy candidate, Population population, String submittedBy) {
        String id = UUID.randomUUID().toString();
        store.queued(id, submittedBy, clock.instant(), baseline.version(), candidate.version(), candidate.report(),
                population.description());
        try {
            thread.execute(new SimulationRun(id, baseline, candidate.policy(), population, evaluator, store, changes, clock));
        } catch (RejectedExecutionException e) {
            store.failed(id, clock.instant(), "refused: " + MAX_WAITING + " simulations were already waiting");
            throw new SimulationsBusyException(MAX_WAITING);
        }
        return id;
    }

    public Optional<Simulation> find(String id) {
        return store.find(id);
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
