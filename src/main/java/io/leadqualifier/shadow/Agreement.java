package io.leadqualifier.shadow;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import io.leadqualifier.decision.DecisionView;
import io.leadqualifier.evaluation.Ledger;
import io.leadqualifier.facts.FiredRule;
import io.leadqualifier.facts.Stage;

/**
 * The running agreement between the live decisions and what the shadow policy decides on the same facts, since the
 * shadow was attached. Written by the shadow worker; {@link #dropped()} by requests, without a lock.
 */
final class Agreement {
    private static final Stage[] STAGES = Stage.values();
    private final Instant since;
    private final int examples;
    private final long[][] stages = new long[STAGES.length][STAGES.length];
    private final LongAdder dropped = new LongAdder();
    private long evaluated;
    private long failed;
    private long agreed;
    private long stageAgreed;
    private long temperatureAgreed;
    private long routeAgreed;
    private long totalAgreed;
    private final ArrayDeque<Disagreement> disagreements = new ArrayDeque<>();
    private final ArrayDeque<ShadowFailure> failures = new ArrayDeque<>();

    Agreement(Instant since, int examples) {
        this.since = since;
        this.examples = examples;
    }

    /** Counts one live decision the shadow evaluated; true when they agree on stage, temperature, route and total. */
    synchronized boolean compare(DecisionView live, Ledger shadow) {
        evaluated++;
        stages[live.stage().ordinal()][shadow.stage().ordinal()]++;
        boolean stage = live.stage() == shadow.stage();
        boolean temperature = live.temperature() == shadow.temperature();
        boolean route = live.route() == shadow.route();
        boolean total = live.score().total() == shadow.total();
        stageAgreed += stage ? 1 : 0;
        temperatureAgreed += temperature ? 1 : 0;
        routeAgreed += route ? 1 : 0;
        totalAgreed += total ? 1 : 0;
        if (stage && temperature && route && total) {
            agreed++;
            return true;
        }
        Set<String> firedLive = names(live.firedRules());
        Set<String> firedShadow = names(shadow.firedRules());
        keep(disagreements, new Disagreement(live.decisionId(), live.leadId(), live.asOf(), live.policy().version(),
                new Disagreement.Outcome(live.stage(), live.temperature(), live.route(), live.score().total()),
                new Disagreement.Outcome(shadow.stage(), shadow.temperature(), shadow.route(), shadow.total()),
                without(firedLive, firedShadow), without(firedShadow, firedLive)));
        return false;
    }

    synchronized void failed(DecisionView live, String message) {
        failed++;
        keep(failures, new ShadowFailure(live.decisionId(), live.leadId(), live.asOf(), message));
    }

    void dropped() {
        dropped.increment();
    }

    /** The agreement as {@code GET /api/v1/policy/shadow} shows it. */
    public record View(Instant since, long evaluated, long dropped, long failed, long agreed, Rate stage, Rate temperature,
            Rate route, Rate total, Map<Stage, Map<Stage, Long>> stages, List<Disagreement> disagreements,
            List<ShadowFailure> failures) {
    }

    /**
     * How many evaluated decisions agreed on one thing, and their share of those evaluated (null before any).
     */
    public record Rate(long agreed, Double rate) {
        static Rate of(long agreed, long evaluated) {
            return new Rate(agreed, evaluated == 0 ? null : (double) agreed / evaluated);
        }
    }

    synchronized View view() {
        Map<Stage, Map<Stage, Long>> matrix = new EnumMap<>(Stage.class);
        for (Stage live : STAGES) {
            Map<Stage, Long> row = new EnumMap<>(Stage.class);
            for (Stage shadow : STAGES) {
                row.put(shadow, stages[live.ordinal()][shadow.ordinal()]);
            }
            matrix.put(live, row);
        }
        return new View(since, evaluated, dropped.sum(), failed, agreed, Rate.of(stageAgreed, evaluated),
                Rate.of(temperatureAgreed, evaluated), Rate.of(routeAgreed, evaluated), Rate.of(totalAgreed, evaluated), matrix,
                newestFirst(disagreements), newestFirst(failures));
    }

    private <T> void keep(ArrayDeque<T> kept, T example) {
        if (examples <= 0) {
            return;
        }
        if (kept.size() == examples) {
            kept.removeFirst();
        }
        kept.addLast(example);
    }

    private static <T> List<T> newestFirst(ArrayDeque<T> kept) {
        List<T> list = new ArrayList<>(kept.size());
        kept.descendingIterator().forEachRemaining(list::add);
        return list;
    }

    private static Set<String> names(List<FiredRule> fired) {
        Set<String> names = new LinkedHashSet<>();
        fired.forEach(rule -> names.add(rule.name()));
        return names;
    }

    private static List<String> without(Set<String> these, Set<String> those) {
        return these.stream().filter(name -> !those.contains(name)).toList();
    }
}
