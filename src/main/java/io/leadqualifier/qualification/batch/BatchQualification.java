package io.leadqualifier.qualification.batch;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.leadqualifier.qualification.Qualification;
import io.leadqualifier.qualification.QualificationService;

/**
 * Batches as the service runs them: each valid line goes through {@link QualificationService}, recorded exactly as
 * a single qualify (same trail, same idempotency per key), or evaluated only for a dry run; the worker threads are
 * shared by all batches.
 */
@ApplicationScoped
public class BatchQualification {
    private final QualificationService service;
    private final BatchConfig config;
    private final ObjectWriter json;
    private final ExecutorService workers;
    private final ExecutorService feeders;

    BatchQualification(QualificationService service, BatchConfig config, ObjectMapper mapper) {
        this.service = service;
        this.config = config;
        this.json = mapper.writer();
        this.workers = Executors.newFixedThreadPool(config.workers(), named("batch-worker"));
        this.feeders = Executors.newCachedThreadPool(named("batch-reader"));
    }

    /**
     * A run of one batch.
     *
     * @param record        record each decision (false: a dry run, nothing stored)
     * @param progressEvery a progress line every so many answers (null: the configured default; 0: none)
     */
    public BatchRun run(boolean record, Integer progressEvery) {
        BatchRun.Qualifier qualifier = record ? lead -> {
            Qualification qualification = service.qualify(lead.request(), lead.idempotencyKey());
            return new BatchRun.Outcome(qualification.decision(), qualification.replayed());
        } : lead -> new BatchRun.Outcome(service.evaluate(lead.request()), false);
        return new BatchRun(qualifier, workers, feeders, new BatchRun.Limits(config.inFlight(), config.maxLines(),
                progressEvery == null ? config.progressEvery() : progressEvery), record, json);
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
        feeders.shutdown();
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
