package io.leadqualifier.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import io.leadqualifier.evaluation.LeadEvaluator;
import io.leadqualifier.evaluation.SampleLeads;
import io.leadqualifier.facts.Lead;
import io.leadqualifier.policy.ExecutableModelBuild;
import io.leadqualifier.policy.compile.CompiledPolicy;

/**
 * The evaluation benchmark for a shared machine: the classic build, the executable model and the
 * hand-coded floor measured in rounds that alternate between them, in CPU time of the measuring thread,
 * so that other processes taking the cores change the figures much less than they change JMH's wall-clock
 * ones. Median and best round per contender.
 * {@code -Dbench.main=io.leadqualifier.bench.EvaluationCpuTime -Dbench.args="12"} (rounds of 3 s each).
 */
public final class EvaluationCpuTime {
    private static final long ROUND_NANOS = 3_000_000_000L;

    private EvaluationCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        CompiledPolicy classic = EvaluationBenchmark.agreeingWithTheFloor(EvaluationBenchmark.compileShippedPolicy());
        CompiledPolicy executable = EvaluationBenchmark.agreeingWithTheFloor(ExecutableModelBuild.rebuild(classic));
        LeadEvaluator evaluator = new LeadEvaluator(1000);
        Map<String, ToIntFunction<Lead>> contenders = new LinkedHashMap<>();
        contenders.put("drools (classic build)", lead -> evaluator.evaluate(classic, lead).ledger().total());
        contenders.put("drools (executable model)", lead -> evaluator.evaluate(executable, lead).ledger().total());
        contenders.put("hand-coded floor", lead -> HandCodedPolicy.evaluate(lead).total());

        Lead[] leads = SampleLeads.generate(1000, 42);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> micros = new LinkedHashMap<>();
        long sink = 0;
        for (int round = 0; round < rounds + 2; round++) {
            for (Map.Entry<String, ToIntFunction<Lead>> contender : contenders.entrySet()) {
                long evaluations = 0;
                long cpuStart = threads.getCurrentThreadCpuTime();
                long end = System.nanoTime() + ROUND_NANOS;
                while (System.nanoTime() < end) {
                    for (Lead lead : leads) {
                        sink += contender.getValue().applyAsInt(lead);
                    }
                    evaluations += leads.length;
                }
                if (round >= 2) { // the first two rounds warm the JIT up
                    micros.computeIfAbsent(contender.getKey(), name -> new ArrayList<>())
                            .add((threads.getCurrentThreadCpuTime() - cpuStart) / 1000.0 / evaluations);
                }
            }
        }
        micros.forEach((name, values) -> {
            List<Double> sorted = values.stream().sorted().toList();
            System.out.printf("%-28s median %6.2f µs CPU per lead, best round %6.2f%n", name, sorted.get(sorted.size() / 2),
                    sorted.get(0));
        });
        System.out.println("(checksum " + sink + ")");
    }
}
