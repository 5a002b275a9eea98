package io.leadqualifier.qualification.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectWriter;

import io.leadqualifier.decision.DecisionView;
import io.leadqualifier.leadfile.LeadLine;
import io.leadqualifier.leadfile.LeadReader;
import io.leadqualifier.leadfile.RawLine;
import io.quarkus.logging.Log;

/**
 * One batch: a feeder thread reads the lines and hands each to the workers, which decode and qualify it, at most
 * {@code inFlight} ahead of the answer being written; the calling thread writes the answers in input order as they
 * complete. Memory holds the lines in flight, never the file. Output is flushed whenever the next answer is not ready
 * yet, so a client sees its answers while it is still sending.
 */
public final class BatchRun {
    /** What is done with one valid line: evaluated only, or evaluated and recorded. */
    @FunctionalInterface
    public interface Qualifier {
        Outcome qualify(LeadLine.Lead lead);
    }

    /** A line's decision, and whether it is an earlier one given back for its idempotency key. */
    public record Outcome(DecisionView decision, boolean replayed) {
    }

    /** Limits of one batch. */
    public record Limits(int inFlight, long maxLines, int progressEvery) {
    }

    private static final CompletableFuture<BatchLine> END = CompletableFuture.completedFuture(null);

    private final Qualifier qualifier;
    private final Executor workers;
    private final Executor feeder;
    private final Limits limits;
    private final boolean recorded;
    private final ObjectWriter json;
    private volatile boolean cancelled;
    private volatile String stoppedBecause;

    /**
     * @param feeder   runs the reading side (one task per batch)
     * @param recorded said in the summary
     * @param json     writes one answer (no indentation)
     */
    public BatchRun(Qualifier qualifier, Executor workers, Executor feeder, Limits limits, boolean recorded, ObjectWriter json) {
        this.qualifier = qualifier;
        this.workers = workers;
        this.feeder = feeder;
        this.limits = limits;
        this.recorded = recorded;
        this.json = json;
    }

    /** Answers every line of {@code reader} on {@code out}, then the summary; closes the reader, not the stream. */
    public BatchLine.Summary run(LeadReader reader, OutputStream out) {
        BlockingQueue<CompletableFuture<BatchLine>> pending = new ArrayBlockingQueue<>(limits.inFlight());
        feeder.execute(() -> feed(reader, pending));
        long lines = 0;
        long decisions = 0;
        long replayed = 0;
        long problems = 0;
        String policyVersion = null;
        try {
            while (true) {
                CompletableFuture<BatchLine> next = pending.poll();
                if (next == null || !next.isDone()) {
                    out.flush();
                    next = next == null ? pending.take() : next;
                }
                if (next == END) {
                    break;
                }
                BatchLine line = next.join();
                lines++;
                if (line.decision() != null) {
                    decisions++;
                    replayed += line.replayed() == null ? 0 : 1;
                    policyVersion = policyVersion == null ? line.decision().policy().version() : policyVersion;
                } else {
                    problems++;
                }
                write(line, out);
                if (limits.progressEvery() > 0 && lines % limits.progressEvery() == 0) {
                    write(BatchLine.progress(new BatchLine.Counts(lines, decisions, replayed, problems)), out);
                }
            }
            BatchLine.Summary summary = new BatchLine.Summary(lines, decisions, replayed, problems, recorded, policyVersion,
                    stoppedBecause == null, stoppedBecause);
            write(BatchLine.summary(summary), out);
            out.flush();
            return summary;
        } catch (IOException | UncheckedIOException e) {
            // The client went away: stop reading; lines already handed to the workers finish (and are recorded).
            cancelled = true;
            Log.debugf("Batch answer interrupted after %d lines: %s", lines, e.getMessage());
            throw e instanceof IOException io ? new UncheckedIOException(io) : (UncheckedIOException) e;
        } catch (InterruptedException e) {
            cancelled = true;
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while answering a batch", e);
        }
    }

    private void feed(LeadReader reader, BlockingQueue<CompletableFuture<BatchLine>> pending) {
        long read = 0;
        Map<String, CompletableFuture<BatchLine>> keysInFlight = new ConcurrentHashMap<>();
        CompletableFuture<?> keyedBefore = CompletableFuture.completedFuture(null);
        try (reader) {
            while (!cancelled && reader.hasNext()) {
                if (read == limits.maxLines()) {
                    stoppedBecause = "a batch is limited to " + limits.maxLines() + " lines: the lines after line " + read
                            + " were not read";
                    break;
                }
                RawLine raw = reader.nextRaw();
                read++;
                // Decoded and, without a key, qualified on a worker; a keyed line is then started in input order.
                CompletableFuture<Decoded> decoded = CompletableFuture.supplyAsync(() -> decode(raw), workers);
                CompletableFuture<CompletableFuture<BatchLine>> started = decoded.thenCombine(keyedBefore,
                        (line, before) -> line.keyed() == null ? CompletableFuture.completedFuture(line.answer())
                                : inKeyOrder(line.keyed(), keysInFlight));
                keyedBefore = started.handle((line, failure) -> null);
                enqueue(pending, started.thenCompose(Function.identity())
                        .exceptionally(failure -> BatchLine.refused(raw.line(), LineProblems.of(failure))));
            }
        } catch (RuntimeException e) {
            // The input broke off (a CSV that cannot be parsed further, a body over the limit, a client gone).
            stoppedBecause = "the input could not be read after " + read + " lines: " + e.getMessage();
            Log.debugf(e, "Batch input stopped after %d lines", read);
        } finally {
            enqueue(pending, END);
        }
    }

    /** A decoded line: its answer already (a problem, or the decision of a lead without a key), or a keyed lead. */
    private record Decoded(BatchLine answer, LeadLine.Lead keyed) {
    }

    private Decoded decode(RawLine raw) {
        LeadLine line = raw.decode();
        if (line instanceof LeadLine.Refused refused) {
            return new Decoded(BatchLine.refused(refused.line(), refused.problem()), null);
        }
        LeadLine.Lead lead = (LeadLine.Lead) line;
        return lead.idempotencyKey() == null ? new Decoded(qualifyNow(lead), null) : new Decoded(null, lead);
    }

    /**
     * A line whose idempotency key is still in flight in this batch waits for it: so the first line with a key records
     * the decision and the later ones get it back (or their conflict), as they would one after the other. Only keys in
     * flight are remembered.
     */
    private CompletableFuture<BatchLine> inKeyOrder(LeadLine.Lead lead, Map<String, CompletableFuture<BatchLine>> keysInFlight) {
        String key = lead.idempotencyKey();
        if (key == null) {
            return qualifyLater(lead);
        }
        CompletableFuture<BatchLine> before = keysInFlight.get(key);
        CompletableFuture<BatchLine> line = before == null ? qualifyLater(lead)
                : before.handle((answer, failure) -> lead).thenCompose(this::qualifyLater);
        keysInFlight.put(key, line);
        line.whenComplete((answer, failure) -> keysInFlight.remove(key, line));
        return line;
    }

    private CompletableFuture<BatchLine> qualifyLater(LeadLine.Lead lead) {
        return CompletableFuture.supplyAsync(() -> qualifyNow(lead), workers);
    }

    private BatchLine qualifyNow(LeadLine.Lead lead) {
        try {
            Outcome outcome = qualifier.qualify(lead);
            return BatchLine.decided(lead.line(), outcome.decision(), outcome.replayed());
        } catch (RuntimeException failure) {
            return BatchLine.refused(lead.line(), LineProblems.of(failure));
        }
    }

    private void enqueue(BlockingQueue<CompletableFuture<BatchLine>> pending, CompletableFuture<BatchLine> line) {
        try {
            while (!pending.offer(line, 100, TimeUnit.MILLISECONDS)) {
                if (cancelled) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(BatchLine line, OutputStream out) throws IOException {
        out.write(json.writeValueAsBytes(line));
        out.write('\n');
    }
}
