package io.leadqualifier.audit.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.audit.trail.ChainLink;

/**
 * Walks the decision hash chain in sequence order and reports the first broken link: a decision whose
 * columns no longer match its hash, a removed or inserted row, personal data that no longer matches its
 * digest, or a chain end that is not where the head says. Streams rows: the whole trail never sits in memory.
 */
@ApplicationScoped
public class AuditChain {
    private final AgroalDataSource dataSource;

    AuditChain(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Where the chain breaks first. */
    public record Break(long sequence, String decisionId, String problem) {
    }

    /**
     * The outcome of a walk.
     *
     * @param anchor           what the first decision walked links to: the genesis, a retention purge, or the
     *                         decision before a range
     * @param headHash         the hash of the last decision: write it down, a later walk must still end on it
     * @param erasedPersonal   decisions whose personal data was erased (their digest is then not checked)
     * @param unchained        decisions recorded before the chain existed, not covered by it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(boolean valid, long checked, Long firstSequence, Long lastSequence, String anchor,
            String headHash, Break firstBreak, long erasedPersonal, long unchained) {
    }

    /** A walk over millions of decisions outlasts the default transaction timeout; it only reads. */
    @Transactional
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 3600)
    public Verification verify(Long fromSequence, Long toSequence) {
        try (Connection connection = dataSource.getConnection()) {
            return walk(connection, fromSequence, toSequence);
        } catch (SQLException e) {
            throw new PersistenceException("Cannot read the decision trail: " + e.getMessage(), e);
        }
    }

    private Verification walk(Connection connection, Long fromSequence, Long toSequence) throws SQLException {
        long unchained = count(connection, "select count(*) from decision where chain_seq is null");
        Object[] head = row(connection, "select last_seq, last_hash from audit_chain_head where id = 1");
        long headSeq = ((Number) head[0]).longValue();
        String headHash = (String) head[1];
        Object[] purge = row(connection, "select through_seq, through_hash from audit_purge order by through_seq desc");
        long purgedThrough = purge == null ? 0 : ((Number) purge[0]).longValue();

        long start = fromSequence == null ? purgedThrough + 1 : Math.max(fromSequence, purgedThrough + 1);
        long end = toSequence == null ? Long.MAX_VALUE : toSequence;
        String expectedPrevious;
        String anchor;
        if (start == purgedThrough + 1) {
            expectedPrevious = purge == null ? ChainLink.GENESIS : (String) purge[1];
            anchor = purge == null ? "genesis" : "retention purge through sequence " + purgedThrough;
        } else {
            Object[] before = row(connection, "select chain_hash from decision where chain_seq = ?", start - 1);
            if (before == null) {
                return new Verification(false, 0, null, null, null, headHash,
                        new Break(start - 1, null, "decision " + (start - 1) + ", before the range, is missing"), 0, unchained);
            }
            expectedPrevious = (String) before[0];
            anchor = "decision " + (start - 1);
        }

        long checked = 0;
        long erased = 0;
        Long first = null;
        long expectedSeq = start;
        String lastHash = expectedPrevious;
        try (PreparedStatement query = connection.prepareStatement("""
                select d.chain_seq, d.id, d.lead_id, d.as_of, d.evaluated_at, d.stage, d.temperature, d.route, d.score_fit,
                       d.score_engagement, d.score_total, d.policy_version, d.fired_rules, d.input_json, d.output_json,
                       d.personal_digest, d.prev_hash, d.chain_hash, p.salt, p.personal_json, d.body
                from decision d left join decision_personal_data p on p.decision_id = d.id
                where d.chain_seq >= ? and d.chain_seq <= ? order by d.chain_seq""")) {
            query.setLong(1, start);
            query.setLong(2, end);
            query.setFetchSize(500);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ChainLink.Row row = new ChainLink.Row(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getObject(4, OffsetDateTime.class).toInstant(), rows.getObject(5, OffsetDateTime.class).toInstant(),
                            rows.getString(6), rows.getString(7), rows.getString(8), rows.getInt(9), rows.getInt(10), rows.getInt(11),
                            rows.getString(12), rows.getString(13), rows.getString(14), rows.getString(15), rows.getBytes(21),
                            rows.getString(16));
                    String problem = check(row, expectedSeq, expectedPrevious, rows.getString(17), rows.getString(18),
                            rows.getString(19), rows.getString(20));
                    if (problem != null) {
                        return new Verification(false, checked, first, row.sequence(), anchor, headHash,
                                new Break(row.sequence(), row.id(), problem), erased, unchained);
                    }
                    if (rows.getString(19) == null) {
                        erased++;
                    }
                    first = first == null ? row.sequence() : first;
                    checked++;
                    expectedSeq = row.sequence() + 1;
                    expectedPrevious = rows.getString(18);
                    lastHash = expectedPrevious;
                }
            }
        }
        long last = expectedSeq - 1;
        if (toSequence == null && (last != headSeq || !lastHash.equals(headHash))) {
            String problem = last < headSeq
                    ? "the chain ends at sequence " + last + " but the head says " + headSeq + ": later decisions were removed"
                    : "the last decision's hash is not the head's: the head was edited";
            return new Verification(false, checked, first, last, anchor, headHash, new Break(last + 1, null, problem), erased, unchained);
        }
        return new Verification(true, checked, first, checked == 0 ? null : last, anchor, headHash, null, erased, unchained);
    }

    private static String check(ChainLink.Row row, long expectedSeq, String expectedPrevious, String prevHash, String chainHash,
            String salt, String personalJson) {
        if (row.sequence() != expectedSeq) {
            return "sequence " + expectedSeq + (row.sequence() == expectedSeq + 1 ? " is" : " to " + (row.sequence() - 1) + " are")
                    + " missing: decisions were removed";
        }
        // Rows of the first format also store the previous hash; compact rows link through their own hash alone.
        if (prevHash != null && !expectedPrevious.equals(prevHash)) {
            return "its link does not match the hash of the decision before it: a row was removed, inserted or re-linked";
        }
        if (!ChainLink.hash(expectedPrevious, row).equals(chainHash)) {
            return "its recorded content no longer matches its hash: a column was edited"
                    + (prevHash != null ? "" : ", or the row was moved in the chain");
        }
        if (salt != null && !ChainLink.personalDigest(salt, personalJson).equals(row.personalDigest())) {
            return "its personal data no longer matches the digest recorded with it: the personal data was edited";
        }
        return null;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        return ((Number) row(connection, sql)[0]).longValue();
    }

    private static Object[] row(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return first(rows);
            }
        }
    }

    private static Object[] first(ResultSet rows) throws SQLException {
        if (!rows.next()) {
            return null;
        }
        Object[] values = new Object[rows.getMetaData().getColumnCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rows.getObject(i + 1);
        }
        return values;
    }
}
