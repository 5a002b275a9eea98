package io.leadqualifier.audit.integrity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.leadqualifier.audit.trail.RecordedDecision;

/** The trail's own events: erasures of personal data and retention purges, read back for auditors. */
@ApplicationScoped
public class AuditEvents {
    private static final int LIMIT = 1000;

    /** One erasure: whose, when, by whom, how many decisions held the person's data. */
    public record ErasureRecord(String leadId, Instant erasedAt, String erasedBy, int decisions) {
    }

    /** One purge chunk: the chain now starts after {@code throughSequence}, whose hash was {@code throughHash}. */
    public record PurgeRecord(Instant purgedAt, Instant cutoff, long throughSequence, String throughHash, int decisions) {
    }

    @Transactional
    public List<ErasureRecord> erasures() {
        List<?> rows = RecordedDecision.getEntityManager()
                .createNativeQuery("select lead_id, erased_at, erased_by, decisions from personal_data_erasure order by id desc")
                .setMaxResults(LIMIT).getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new ErasureRecord((String) row[0], instant(row[1]), (String) row[2], ((Number) row[3]).intValue())).toList();
    }

    @Transactional
    public List<PurgeRecord> purges() {
        List<?> rows = RecordedDecision.getEntityManager()
                .createNativeQuery("select purged_at, cutoff, through_seq, through_hash, decisions from audit_purge order by id desc")
                .setMaxResults(LIMIT).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(row -> new PurgeRecord(instant(row[0]), instant(row[1]),
                ((Number) row[2]).longValue(), (String) row[3], ((Number) row[4]).intValue())).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Unexpected time value " + value);
    }
}
