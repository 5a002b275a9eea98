package io.leadqualifier.audit.trail;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.PersistenceException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.system.StoreDurability;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Group commit: the one thread that writes decisions. It takes every decision waiting (up to a cap), has
 * them appended to the chain under one lock of its head ({@link TrailAppender}), commits once, makes the
 * commit durable ({@link StoreDurability}), and only then releases every waiting answer. Under load the
 * group grows by itself with what arrived while the previous group was written, and with the decisions
 * already being evaluated ({@link #expect()}): the writer waits for those, at most
 * {@code lead-qualifier.audit.group-commit.wait-for-coming}, because on H2 every commit rewrites whole index
 * pages and one commit for many decisions costs little more than one for a single decision. Alone, a
 * decision is written at once: nothing is waited for when nothing is coming. A group that fails fails each
 * of its decisions and records none. The rules that fired are indexed after the answers, by {@link RuleIndex}.
 */
@ApplicationScoped
public class DecisionWriter {
    private static final Logger LOG = Logger.getLogger(DecisionWriter.class);

    private record Waiting(PendingDecision decision, CompletableFuture<TrailAppender.Written> answer) {
    }

    private final AgroalDataSource dataSource;
    private final StoreDurability durability;
    private final List<TrailListener> listeners;
    private final RuleIndex ruleIndex;
    private final TrailAppender trail = new TrailAppender();
    private final int maxGroup;
    private final BlockingQueue<Waiting> queue;
    private final DistributionSummary groupSizes;
    private final long waitForComingNanos;
    /** Decisions being evaluated now, whose record will follow. */
    private final java.util.concurrent.atomic.AtomicInteger coming = new java.util.concurrent.atomic.AtomicInteger();
    private final Thread writer;
    private volatile boolean running = true;

    DecisionWriter(AgroalDataSource dataSource, StoreDurability durability, RuleIndex ruleIndex, MeterRegistry metrics,
            Instance<TrailListener> listeners,
            @ConfigProperty(name = "lead-qualifier.audit.group-commit.max-group", defaultValue = "256") int maxGroup,
            @ConfigProperty(name = "lead-qualifier.audit.group-commit.max-waiting", defaultValue = "4096") int maxWaiting,
            @ConfigProperty(name = "lead-qualifier.audit.group-commit.wait-for-coming", defaultValue = "1ms")
            java.time.Duration waitForComing) {
        this.waitForComingNanos = waitForComing.toNanos();
        this.dataSource = dataSource;
        this.durability = durability;
        this.listeners = listeners.stream().toList();
        this.ruleIndex = ruleIndex;
        this.maxGroup = maxGroup;
        this.queue = new ArrayBlockingQueue<>(maxWaiting);
        this.groupSizes = DistributionSummary.builder("leadqualifier.decisions.group.size")
                .description("Decisions written by one commit of the group writer").publishPercentiles(0.5, 0.99).register(metrics);
        this.writer = new Thread(this::run, "decision-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Hands a decision to the writer. The answer completes once the decision is durable (or found to be a
     * repeat or a key conflict, and not written), or exceptionally with a {@link PersistenceException} when
     * its group could not be written.
     */
    public CompletableFuture<TrailAppender.Written> submit(PendingDecision decision) {
        CompletableFuture<TrailAppender.Written> answer = new CompletableFuture<>();
        try {
            // A full queue means the store is far behind: waiting a little absorbs a burst.
            if (!running || !queue.offer(new Waiting(decision, answer), 5, TimeUnit.SECONDS)) {
                answer.completeExceptionally(new PersistenceException(running ? "The decision store is not keeping up"
                        : "The service is stopping"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.completeExceptionally(new PersistenceException("Interrupted before the decision was recorded"));
        }
        return answer;
    }

    /**
     * Announces a decision about to be made: the writer may wait a little for it to join the group being
     * formed. Close the returned ticket once the decision is handed over with {@link #submit} (or was not made).
     */
    public Expected expect() {
        coming.incrementAndGet();
        return new Expected();
    }

    /** A decision announced to the writer; closing it withdraws the announcement (once). */
    public final class Expected implements AutoCloseable {
        private final java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                coming.decrementAndGet();
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        writer.interrupt();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Waiting> group = new ArrayList<>(maxGroup);
        while (running || !queue.isEmpty()) {
            try {
                Waiting first = running ? queue.take() : queue.poll();
                if (first == null) {
                    break;
                }
                group.add(first);
                queue.drainTo(group, maxGroup - 1);
                awaitComing(group);
                write(group);
            } catch (InterruptedException e) {
                // stop() interrupts: the group being formed and what is already waiting are still written.
                running = false;
                if (!group.isEmpty()) {
                    write(group);
                }
            } catch (RuntimeException e) {
                LOG.error("The decision writer failed on a group", e);
                fail(group, e);
            } finally {
                group.clear();
            }
        }
    }

    /** Lets the decisions being evaluated join the group, for at most the configured wait. */
    private void awaitComing(List<Waiting> group) throws InterruptedException {
        long deadline = System.nanoTime() + waitForComingNanos;
        while (group.size() < maxGroup && coming.get() > 0) {
            long left = deadline - System.nanoTime();
            Waiting next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            group.add(next);
            queue.drainTo(group, maxGroup - group.size());
        }
    }

    private void write(List<Waiting> group) {
        groupSizes.record(group.size());
        List<TrailAppender.Written> outcomes;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<PendingDecision> decisions = group.stream().map(Waiting::decision).toList();
                outcomes = trail.append(connection, decisions);
                tell(connection, decisions, outcomes);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            durability.afterCommit(connection);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("A group of %d decisions could not be recorded: %s", group.size(), e.getMessage());
            fail(group, e);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).answer().complete(outcomes.get(i));
        }
        for (int i = 0; i < group.size(); i++) {
            if (outcomes.get(i) instanceof TrailAppender.Recorded recorded) {
                ruleIndex.recorded(recorded.sequence(), group.get(i).decision().ruleNames());
            }
        }
    }

    private void tell(Connection connection, List<PendingDecision> decisions, List<TrailAppender.Written> outcomes) throws SQLException {
        if (listeners.isEmpty()) {
            return;
        }
        List<PendingDecision> recorded = new ArrayList<>(decisions.size());
        for (int i = 0; i < decisions.size(); i++) {
            if (outcomes.get(i) instanceof TrailAppender.Recorded) {
                recorded.add(decisions.get(i));
            }
        }
        if (!recorded.isEmpty()) {
            for (TrailListener listener : listeners) {
                listener.recorded(connection, recorded);
            }
        }
    }

    private static void fail(List<Waiting> group, Exception cause) {
        PersistenceException failure = cause instanceof PersistenceException p ? p
                : new PersistenceException("The decision could not be recorded: " + cause.getMessage(), cause);
        group.forEach(waiting -> waiting.answer().completeExceptionally(failure));
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("Rollback after a failed group failed too", e);
        }
    }
}
