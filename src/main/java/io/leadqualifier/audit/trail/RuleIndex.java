package io.leadqualifier.audit.trail;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The index behind "decisions where rule X fired" ({@link RuleHit}), kept by a thread of its own a little behind
 * the trail instead of in each group the writer commits: on H2 every commit rewrites the index page of each rule
 * that fired, so indexing a thousand decisions at once costs what indexing a group of eight did. Whoever reads
 * the index calls {@link #catchUp()} first, so a search never misses a decision already answered. After a crash,
 * or for decisions another instance recorded, the rules are read back from the decisions' bodies.
 */
@ApplicationScoped
public class RuleIndex {
    private static final Logger LOG = Logger.getLogger(RuleIndex.class);
    /** Decisions indexed per transaction; also how many waiting wake the indexer before its pause ends. */
    static final int BATCH = 1000;
    /** What this instance's writer recorded and is not indexed yet, kept so as not to decode their bodies again. */
    private static final int MAX_REMEMBERED = 100_000;
    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final AgroalDataSource dataSource;
    private final RuleIndexWriter writer;
    private final ConcurrentNavigableMap<Long, List<String>> remembered = new ConcurrentSkipListMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    /** The newest place in the chain this instance recorded. */
    private final AtomicLong recordedThrough = new AtomicLong();
    /** One catch-up at a time here; across instances the index's mark row is the lock. */
    private final ReentrantLock catchingUp = new ReentrantLock();
    private final Thread indexer;
    private volatile boolean running = true;

    RuleIndex(AgroalDataSource dataSource, ObjectMapper json, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.writer = new RuleIndexWriter(json, remembered);
        this.indexer = new Thread(this::run, "rule-indexer");
        this.indexer.setDaemon(true);
        Gauge.builder("leadqualifier.rule.index.lag", this, RuleIndex::lag)
                .description("Decisions this instance recorded that the rule index does not hold yet (a search by rule catches up first)")
                .register(metrics);
    }

    /** How far the index is behind what this instance recorded, in decisions. */
    long lag() {
        return Math.max(0, recordedThrough.get() - writer.mark());
    }

    void onStart(@Observes StartupEvent event) {
        // The first round indexes what a stopped or killed process recorded and did not index.
        indexer.start();
    }

    /** Called by the writer once a group is committed: the rules of each decision recorded, by place in the chain. */
    void recorded(long sequence, List<String> ruleNames) {
        // Bounded by places in the chain: what lies further behind than that is read back from the bodies.
        recordedThrough.accumulateAndGet(sequence, Math::max);
        var oldest = remembered.firstEntry();
        if (oldest == null || sequence - oldest.getKey() < MAX_REMEMBERED) {
            remembered.put(sequence, ruleNames);
        }
        if (waiting.incrementAndGet() >= BATCH) {
            LockSupport.unpark(indexer);
        }
    }

    /**
     * Indexes every decision recorded so far (by any instance) and returns once they are committed. Runs in
     * a transaction of its own, so it may be called from inside another.
     */
    public void catchUp() {
        catchingUp.lock();
        try {
            waiting.set(0);
            int indexed;
            do {
                indexed = QuarkusTransaction.requiringNew().call(this::indexBatch);
                writer.committed();
            } while (indexed == BATCH);
        } finally {
            catchingUp.unlock();
        }
    }

    private int indexBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return writer.index(connection, BATCH);
        }
    }

    private void run() {
        boolean first = true;
        while (running) {
            if (first || waiting.get() > 0) {
                try {
                    catchUp();
                    first = false;
                } catch (RuntimeException e) {
                    // The store is away or busy: the decisions stay recorded, and the next round (or a search) indexes them.
                    LOG.warnf("The rule index could not catch up with the trail: %s", e.getMessage());
                }
            }
            LockSupport.parkNanos(this, PAUSE_NANOS);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        LockSupport.unpark(indexer);
    }
}
