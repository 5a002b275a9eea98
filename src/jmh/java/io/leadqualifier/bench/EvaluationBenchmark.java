package io.leadqualifier.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.leadqualifier.evaluation.LeadEvaluator;
import io.leadqualifier.facts.Lead;
import io.leadqualifier.facts.Outcome;
import io.leadqualifier.policy.CompiledPolicy;
import io.leadqualifier.policy.PolicyCompiler;
import io.leadqualifier.policy.PolicyDirectory;
import io.leadqualifier.evaluation.SampleLeads;

/**
 * In-process evaluation of the shipped policy on 1,000 realistic leads, against the same policy written in
 * plain Java. Run: {@code ./mvnw -Pbench compile exec:exec}. Mean from AverageTime, p99 from SampleTime.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EvaluationBenchmark {
    private CompiledPolicy policy;
    private LeadEvaluator evaluator;
    private Lead[] leads;
    private int next;

    @Setup
    public void setUp() {
        // As in the service (INFO): outside Quarkus the log level is ALL, and Drools then formats trace lines on every firing.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        policy = new PolicyCompiler(4).compile(new PolicyDirectory(Path.of(System.getProperty("policy.dir", "."))).read());
        evaluator = new LeadEvaluator(1000);
        leads = SampleLeads.generate(1000, 42);
        for (Lead lead : leads) {
            Outcome rules = evaluator.evaluate(policy, lead).outcome();
            HandCodedPolicy.Result java = HandCodedPolicy.evaluate(lead);
            if (rules.getStage() != java.stage() || rules.getTotal() != java.total() || rules.getRoute() != java.route()
                    || rules.getTemperature() != java.temperature() || !java.boxes().equals(rules.getBoxes())
                    || !java.equals(java) || (rules.getSla() == null) != (java.sla() == null)) {
                throw new IllegalStateException("The hand-coded floor disagrees with the rules on " + lead.getLeadId()
                        + ": rules " + rules.getStage() + "/" + rules.getTotal() + "/" + rules.getRoute() + ", java " + java);
            }
        }
    }

    @Benchmark
    public Outcome drools() {
        return evaluator.evaluate(policy, leads[next++ % leads.length]).outcome();
    }

    @Benchmark
    public HandCodedPolicy.Result handCoded() {
        return HandCodedPolicy.evaluate(leads[next++ % leads.length]);
    }
}
