package io.leadqualifier.bench;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.annotation.ElementType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.leadqualifier.decision.DecisionView;
import io.leadqualifier.decision.LeadFacts;
import io.leadqualifier.decision.PersonalData;
import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.evaluation.LeadEvaluator;
import io.leadqualifier.evaluation.Ledger;
import io.leadqualifier.evaluation.SampleLeads;
import io.leadqualifier.leadfile.LeadFiles;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.qualification.QualificationService;
import io.leadqualifier.qualification.batch.BatchLine;
import io.leadqualifier.qualification.batch.BatchRun;
import io.leadqualifier.system.InstantJson;

/**
 * In-process dry-run batch, leads per second: 10,000 NDJSON lines (the 1,000 sample leads, varied) read, validated,
 * evaluated under the shipped policy on as many workers as cores, and answered as NDJSON, in order. What the service's
 * dry run does besides is one read of the lead's history (a primary-key lookup), left out here: no database. Run:
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.args="BatchDryRunBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BatchDryRunBenchmark {
    private static final int LINES = 10_000;
    private byte[] ndjson;
    private LeadFiles leadFiles;
    private BatchRun run;
    private ExecutorService workers;
    private ExecutorService feeder;

    @Setup
    public void setUp() {
        // As in the service (INFO): outside Quarkus the log level is ALL, and Drools then formats trace lines on every firing.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        String[] bodies = Arrays.stream(SampleLeads.generate(1000, 42)).map(QualifyLoad::json).toArray(String[]::new);
        ndjson = java.util.stream.IntStream.range(0, LINES).mapToObj(i -> bodies[i % bodies.length])
                .collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(InstantJson.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // Bootstrapped outside Quarkus, Hibernate Validator finds JPA on the class path and asks the JPA providers
        // whether every property is loaded (a third of the time here); the service's validator, built by Quarkus, asks
        // Hibernate ORM only about entities, and a request is none: it traverses everything, as here.
        Validator validator = Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .traversableResolver(new TraverseAll()).buildValidatorFactory().getValidator();
        leadFiles = new LeadFiles(json, validator);
        CompiledPolicy policy = EvaluationBenchmark.compileShippedPolicy();
        LeadEvaluator evaluator = new LeadEvaluator(1000);
        DecisionView.Policy named = new DecisionView.Policy(policy.version(), Instant.parse("2026-11-25T00:00:00Z"));
        BatchRun.Qualifier dryRun = lead -> {
            QualifyRequest input = lead.request();
            Ledger ledger = evaluator.evaluate(policy, LeadFacts.of(PersonalData.split(input).recordable())).ledger();
            return new BatchRun.Outcome(QualificationService.view(null, input, input.asOf(), ledger, ledger.sla(), named), false);
        };
        workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        feeder = Executors.newCachedThreadPool();
        run = new BatchRun(dryRun, workers, feeder, new BatchRun.Limits(64, 1_000_000, 10_000), false, json.writer());
    }

    private static final class TraverseAll implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
            return true;
        }
    }

    @TearDown
    public void tearDown() {
        workers.shutdown();
        feeder.shutdown();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public BatchLine.Summary dryRun() {
        BatchLine.Summary summary = run.run(leadFiles.ndjson(new ByteArrayInputStream(ndjson)), OutputStream.nullOutputStream());
        if (summary.decisions() != LINES) {
            throw new IllegalStateException("Not every line was decided: " + summary);
        }
        return summary;
    }
}
