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
import io.leadqualifier.evaluation.Ledger;
import io.leadqualifier.evaluation.SampleLeads;
import io.leadqualifier.facts.Lead;
import io.leadqualifier.policy.ExecutableModelBuild;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.compile.PolicyCompiler;
import io.leadqualifier.policy.source.PolicyFolders;

/**
 * In-process evaluation of the shipped policy on 1,000 realistic leads, against the same policy written in
 * plain Java, and against the same policy built with the executable model. Run:
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.args="EvaluationBenchmark"}. Mean from AverageTime,
 * p99 from SampleTime.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EvaluationBenchmark {
    private Lead[] leads;
    private int next;

    /** The policy as the service builds it (classic build), checked against the floor. */
    @State(Scope.Thread)
    public static class Classic {
        CompiledPolicy policy;

        @Setup
        public void setUp() {
            policy = agreeingWithTheFloor(compileShippedPolicy());
        }
    }

    /** The same DRL built with the executable model, checked against the floor. */
    @State(Scope.Thread)
    public static class ExecutableModel {
        CompiledPolicy policy;

        @Setup
        public void setUp() {
            policy = agreeingWithTheFloor(ExecutableModelBuild.rebuild(compileShippedPolicy()));
        }
    }

    private static final LeadEvaluator EVALUATOR = new LeadEvaluator(1000);

    @Setup
    public void setUp() {
        leads = SampleLeads.generate(1000, 42);
    }

    @Benchmark
    public Ledger drools(Classic classic) {
        return EVALUATOR.evaluate(classic.policy, leads[next++ % leads.length]).ledger();
    }

    @Benchmark
    public Ledger droolsExecutableModel(ExecutableModel executable) {
        return EVALUATOR.evaluate(executable.policy, leads[next++ % leads.length]).ledger();
    }

    @Benchmark
    public HandCodedPolicy.Result handCoded() {
        return HandCodedPolicy.evaluate(leads[next++ % leads.length]);
    }

    static CompiledPolicy compileShippedPolicy() {
        // As in the service (INFO): outside Quarkus the log level is ALL, and Drools then formats trace lines on every firing.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        return new PolicyCompiler(4).compile(new PolicyFolders(Path.of(System.getProperty("policy.dir", "."))).read());
    }

    /** The policy, once it decides as the hand-coded floor on all 1,000 sample leads. */
    static CompiledPolicy agreeingWithTheFloor(CompiledPolicy policy) {
        for (Lead lead : SampleLeads.generate(1000, 42)) {
            Ledger rules = EVALUATOR.evaluate(policy, lead).ledger();
            HandCodedPolicy.Result java = HandCodedPolicy.evaluate(lead);
            if (rules.stage() != java.stage() || rules.total() != java.total() || rules.route() != java.route()
                    || rules.temperature() != java.temperature() || !java.boxes().equals(rules.boxes())
                    || (rules.sla() == null) != (java.sla() == null)) {
                throw new IllegalStateException("The hand-coded floor disagrees with the rules on " + lead.getLeadId()
                        + ": rules " + rules.stage() + "/" + rules.total() + "/" + rules.route() + ", java " + java);
            }
        }
        return policy;
    }
}
