package io.leadqualifier.audit.integrity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.leadqualifier.audit.trail.RecordedDecision;
import io.leadqualifier.system.ClusteredJob;
import io.leadqualifier.system.StoreDurability;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Purges decisions older than the retention period. It removes the oldest part of the chain only, in
 * chunks, each in its own transaction, and records with each chunk the hash the remaining chain starts
 * from: {@code verify} then passes for what remains, and shows that (and how far) it was purged.
 */
@ApplicationScoped
public class DecisionRetention implements ClusteredJob {
    private static final Logger LOG = Logger.getLogger(DecisionRetention.class);
    static final int CHUNK = 1000;

    private final Optional<Duration> period;
    private final Optional<Duration> checkEvery;
    private final StoreDurability durability;
    private final Clock clock;

    DecisionRetention(@ConfigProperty(name = "lead-qualifier.audit.retention.period") Optional<Duration> period,
            @ConfigProperty(name = "lead-qualifier.audit.retention.check-every") String checkEvery, StoreDurability durability,
            Clock clock) {
        this.period = period;
        this.checkEvery = ClusteredJob.period(checkEvery);
        this.durability = durability;
        this.clock = clock;
    }

    /** What one purge removed. */
    public record Purge(Instant cutoff, long decisions, Long throughSequence) {
    }

    @Override
    public String identity() {
        return "decision-retention";
    }

    @Override
    public Optional<Duration> every() {
        return checkEvery;
    }

    @Override
    public Duration firstRunAfter() {
        return checkEvery.orElse(Duration.ZERO);
    }

    /** The scheduled purge: on one instance of the cluster at a time (ClusteredJobs). */
    @Override
    public void run() {
        applyPeriod().filter(purge -> purge.decisions() > 0).ifPresent(purge -> LOG.infof(
                "Retention %s: purged %d decisions evaluated before %s (chain now starts after sequence %d)",
                period.get(), purge.decisions(), purge.cutoff(), purge.throughSequence()));
    }

    /** Purges what the retention period has expired by now; empty when no period is configured. */
    public Optional<Purge> applyPeriod() {
        return period.map(retention -> purgeEvaluatedBefore(clock.instant().minus(retention)));
    }

    /** Removes every decision of the oldest part of the chain evaluated before {@code cutoff}. */
    public synchronized Purge purgeEvaluatedBefore(Instant cutoff) {
        long total = QuarkusTransaction.requiringNew().call(() -> purgeUnchained(cutoff));
        Long through = null;
        Instant purgedAt = clock.instant();
        while (true) {
            long[] chunk = QuarkusTransaction.requiringNew().call(() -> purgeChunk(cutoff, purgedAt));
            if (chunk == null) {
                durability.afterCommit();
                return new Purge(cutoff, total, through);
            }
            total += chunk[0];
            through = chunk[1];
        }
    }

    private static long purgeUnchained(Instant cutoff) {
        EntityManager db = RecordedDecision.getEntityManager();
        String expired = "(select id from decision where chain_seq is null and evaluated_at < ?1)";
        db.createNativeQuery("delete from decision_personal_data where decision_id in " + expired).setParameter(1, cutoff).executeUpdate();
        return db.createNativeQuery("delete from decision where chain_seq is null and evaluated_at < ?1").setParameter(1, cutoff)
                .executeUpdate();
    }

    /** Purges up to {@link #CHUNK} decisions from the start of the chain; null when none is due. */
    private static long[] purgeChunk(Instant cutoff, Instant purgedAt) {
        EntityManager db = RecordedDecision.getEntityManager();
        // Serialises with decisions being recorded and with another instance purging.
        db.createNativeQuery("select last_seq from audit_chain_head where id = 1 for update").getSingleResult();
        Number first = (Number) db.createNativeQuery("select min(chain_seq) from decision").getSingleResult();
        if (first == null) {
            return null;
        }
        Number kept = (Number) db.createNativeQuery("select min(chain_seq) from decision where chain_seq is not null and evaluated_at >= ?1")
                .setParameter(1, cutoff).getSingleResult();
        long through = first.longValue() + CHUNK - 1;
        if (kept != null) {
            through = Math.min(through, kept.longValue() - 1);
        }
        if (through < first.longValue()) {
            return null;
        }
        Object[] last = (Object[]) db.createNativeQuery("select chain_seq, chain_hash from decision where chain_seq <= ?1 order by chain_seq desc")
                .setParameter(1, through).setMaxResults(1).getSingleResult();
        through = ((Number) last[0]).longValue();
        // The rule index's mark too: an indexing round that read these decisions before they go has committed.
        db.createNativeQuery("select indexed_seq from rule_index_mark where id = 1 for update").getSingleResult();
        db.createNativeQuery("delete from decision_rule_hit where decision_seq <= ?1").setParameter(1, through).executeUpdate();
        db.createNativeQuery("delete from decision_personal_data where decision_id in (select id from decision where chain_seq <= ?1)")
                .setParameter(1, through).executeUpdate();
        int removed = db.createNativeQuery("delete from decision where chain_seq <= ?1").setParameter(1, through).executeUpdate();
        db.createNativeQuery("insert into audit_purge (purged_at, cutoff, through_seq, through_hash, decisions) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, purgedAt).setParameter(2, cutoff).setParameter(3, through).setParameter(4, last[1])
                .setParameter(5, removed).executeUpdate();
        return new long[] {removed, through};
    }
}
