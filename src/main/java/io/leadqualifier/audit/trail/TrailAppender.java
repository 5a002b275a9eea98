package io.leadqualifier.audit.trail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Appends a group of decisions to the trail inside the caller's transaction: takes the chain head's lock,
 * settles idempotency keys, links each decision to the one before, inserts the rows in JDBC batches and
 * moves the head. The caller commits. Used by the group writer and by the trail generator of the benchmarks.
 * The rules that fired are indexed afterwards, by {@link RuleIndex}.
 */
public final class TrailAppender {
    private static final int IN_LIST = 500;

    /** What became of a decision handed to the trail. */
    public sealed interface Written {
    }

    /** Written to the trail, at this place in the chain. */
    public record Recorded(long sequence) implements Written {
    }

    /** Not written: its idempotency key was already recorded (or earlier in its group) for the same request. */
    public record Repeat() implements Written {
    }

    /** Not written: its idempotency key was already used for another request. */
    public record KeyConflict() implements Written {
    }

    public List<Written> append(Connection connection, List<PendingDecision> group) throws SQLException {
        long sequence;
        String previousHash;
        try (PreparedStatement head = connection.prepareStatement("select last_seq, last_hash from audit_chain_head where id = 1 for update");
                ResultSet row = head.executeQuery()) {
            row.next();
            sequence = row.getLong(1);
            previousHash = row.getString(2);
        }
        List<Written> outcomes = settleIdempotencyKeys(connection, group);
        try (PreparedStatement decisions = connection.prepareStatement("""
                insert into decision (id, lead_id, as_of, evaluated_at, stage, temperature, route, score_fit, score_engagement,
                    score_total, policy_version, idempotency_key, request_hash, body, chain_seq, chain_hash, personal_digest)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                PreparedStatement personal = connection.prepareStatement(
                        "insert into decision_personal_data (decision_id, salt, personal_json) values (?, ?, ?)")) {
            boolean any = false;
            for (int i = 0; i < group.size(); i++) {
                if (outcomes.get(i) != null) {
                    continue;
                }
                PendingDecision d = group.get(i);
                sequence++;
                String hash = ChainLink.hash(previousHash, d.chainRow(sequence));
                previousHash = hash;
                decisions.setString(1, d.id());
                decisions.setString(2, d.leadId());
                decisions.setObject(3, utc(d.asOf()));
                decisions.setObject(4, utc(d.evaluatedAt()));
                decisions.setString(5, d.stage());
                decisions.setString(6, d.temperature());
                decisions.setString(7, d.route());
                decisions.setInt(8, d.scoreFit());
                decisions.setInt(9, d.scoreEngagement());
                decisions.setInt(10, d.scoreTotal());
                decisions.setString(11, d.policyVersion());
                decisions.setString(12, d.idempotencyKey());
                decisions.setString(13, d.requestHash());
                decisions.setBytes(14, d.body());
                decisions.setLong(15, sequence);
                decisions.setString(16, hash);
                decisions.setString(17, d.personalDigest());
                decisions.addBatch();
                personal.setString(1, d.id());
                personal.setString(2, d.salt());
                personal.setString(3, d.personalJson());
                personal.addBatch();
                outcomes.set(i, new Recorded(sequence));
                any = true;
            }
            if (any) {
                decisions.executeBatch();
                personal.executeBatch();
                try (PreparedStatement head = connection.prepareStatement(
                        "update audit_chain_head set last_seq = ?, last_hash = ? where id = 1")) {
                    head.setLong(1, sequence);
                    head.setString(2, previousHash);
                    head.executeUpdate();
                }
            }
        }
        return outcomes;
    }

    /**
     * Repeats and conflicts among the group's idempotency keys, against the trail and within the group: a
     * list as long as the group, null where the decision is to be written.
     */
    private static List<Written> settleIdempotencyKeys(Connection connection, List<PendingDecision> group) throws SQLException {
        List<Written> outcomes = new ArrayList<>(Collections.nCopies(group.size(), null));
        Set<String> keys = new LinkedHashSet<>();
        for (PendingDecision decision : group) {
            if (decision.idempotencyKey() != null) {
                keys.add(decision.idempotencyKey());
            }
        }
        if (keys.isEmpty()) {
            return outcomes;
        }
        // Key → hash of the request that first used it ("" once erased: a retry then gets the decision back).
        Map<String, String> known = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + IN_LIST));
            String marks = String.join(", ", Collections.nCopies(slice.size(), "?"));
            try (PreparedStatement find = connection.prepareStatement(
                    "select idempotency_key, request_hash from decision where idempotency_key in (" + marks + ")")) {
                for (int i = 0; i < slice.size(); i++) {
                    find.setString(i + 1, slice.get(i));
                }
                try (ResultSet rows = find.executeQuery()) {
                    while (rows.next()) {
                        known.put(rows.getString(1), rows.getString(2) == null ? "" : rows.getString(2));
                    }
                }
            }
        }
        for (int i = 0; i < group.size(); i++) {
            PendingDecision decision = group.get(i);
            String key = decision.idempotencyKey();
            if (key == null) {
                continue;
            }
            String first = known.get(key);
            if (first == null) {
                known.put(key, decision.requestHash());
            } else {
                outcomes.set(i, first.isEmpty() || first.equals(decision.requestHash()) ? new Repeat() : new KeyConflict());
            }
        }
        return outcomes;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
