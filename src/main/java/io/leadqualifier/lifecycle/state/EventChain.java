package io.leadqualifier.lifecycle.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.leadqualifier.audit.trail.ChainLink;
import io.leadqualifier.system.Jdbc;
import io.leadqualifier.system.Sha256;

/**
 * The lifecycle's events in a hash chain of their own (head 2; decisions are head 1): each event's hash
 * covers the one before and every field but the free-text note, for which its digest stands, so a note can
 * be erased without breaking the chain. Appending takes the head's lock: take every lead's lock first.
 */
@ApplicationScoped
public class EventChain {
    private static final long HEAD = 2;
    private static final String COLUMNS = "seq, event_id, lead_id, type, at, reason, note, actor, handoff_id, recorded_at";

    /** An event to append; {@code requestHash} tells a repeat of the same request from a reused id. */
    public record NewEvent(String eventId, String leadId, EventType type, Instant at, String reason, String note, String actor,
            String handoffId, Instant recordedAt, String requestHash) {
    }

    /** An event as stored, with the hash of the request that sent it (null for the sweep's). */
    public record Stored(LifecycleEvent event, String requestHash) {
    }

    /** Appends the events in order and returns them as recorded. */
    public List<LifecycleEvent> append(Connection connection, List<NewEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        Head head = head(connection, true);
        long seq = head.seq();
        String previous = head.hash();
        List<LifecycleEvent> recorded = new ArrayList<>(events.size());
        try (PreparedStatement insert = connection.prepareStatement("insert into lead_event (" + COLUMNS
                + ", note_digest, request_hash, chain_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (NewEvent e : events) {
                seq++;
                String noteDigest = e.note() == null ? null : Sha256.hex(e.note());
                previous = link(previous, seq, e.eventId(), e.leadId(), e.type().name(), e.at(), e.reason(), noteDigest, e.actor(),
                        e.handoffId(), e.recordedAt());
                insert.setLong(1, seq);
                insert.setString(2, e.eventId());
                insert.setString(3, e.leadId());
                insert.setString(4, e.type().name());
                Jdbc.setInstant(insert, 5, e.at());
                insert.setString(6, e.reason());
                insert.setString(7, e.note());
                insert.setString(8, e.actor());
                insert.setString(9, e.handoffId());
                Jdbc.setInstant(insert, 10, e.recordedAt());
                insert.setString(11, noteDigest);
                insert.setString(12, e.requestHash());
                insert.setString(13, previous);
                insert.addBatch();
                recorded.add(new LifecycleEvent(seq, e.eventId(), e.leadId(), e.type(), e.at(), e.reason(), e.note(), e.actor(),
                        e.handoffId(), e.recordedAt()));
            }
            insert.executeBatch();
        }
        try (PreparedStatement move = connection.prepareStatement("update audit_chain_head set last_seq = ?, last_hash = ? where id = ?")) {
            move.setLong(1, seq);
            move.setString(2, previous);
            move.setLong(3, HEAD);
            move.executeUpdate();
        }
        return recorded;
    }

    public Optional<Stored> find(Connection connection, String eventId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + ", request_hash from lead_event where event_id = ?")) {
            select.setString(1, eventId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Stored(event(rows), rows.getString(11))) : Optional.empty();
            }
        }
    }

    /** The lead's events in chain order. */
    public List<LifecycleEvent> events(Connection connection, String leadId) throws SQLException {
        List<LifecycleEvent> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from lead_event where lead_id = ? order by seq")) {
            select.setString(1, leadId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(event(rows));
                }
            }
        }
        return found;
    }

    /**
     * The outcome of walking the chain.
     *
     * @param firstBreak the first event whose hash does not match, or where the chain ends before its head
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(boolean valid, long checked, String headHash, Break firstBreak) {
    }

    /** Where the chain breaks first. */
    public record Break(long sequence, String eventId, String problem) {
    }

    /** Walks every event in sequence order, streaming. */
    public Verification verify(Connection connection) throws SQLException {
        Head head = head(connection, false);
        long headSeq = head.seq();
        String headHash = head.hash();
        String previous = ChainLink.GENESIS;
        long expected = 1;
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + ", note_digest, chain_hash from lead_event order by seq")) {
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    LifecycleEvent e = event(rows);
                    String noteDigest = rows.getString(11);
                    if (e.seq() != expected) {
                        return new Verification(false, expected - 1, headHash, new Break(expected, null,
                                "event " + expected + " is missing (found " + e.seq() + ")"));
                    }
                    if (e.note() != null && !Sha256.hex(e.note()).equals(noteDigest)) {
                        return new Verification(false, expected - 1, headHash, new Break(e.seq(), e.eventId(), "its note was changed"));
                    }
                    String hash = link(previous, e.seq(), e.eventId(), e.leadId(), e.type().name(), e.at(), e.reason(), noteDigest,
                            e.actor(), e.handoffId(), e.recordedAt());
                    if (!hash.equals(rows.getString(12))) {
                        return new Verification(false, expected - 1, headHash, new Break(e.seq(), e.eventId(),
                                "its fields no longer match its hash"));
                    }
                    previous = hash;
                    expected++;
                }
            }
        }
        long checked = expected - 1;
        if (checked != headSeq || !previous.equals(headHash)) {
            return new Verification(false, checked, headHash, new Break(checked + 1, null,
                    "the chain ends at event " + checked + " but its head says " + headSeq));
        }
        return new Verification(true, checked, headHash, null);
    }

    /** Where the chain ends: its last sequence and hash. */
    private record Head(long seq, String hash) {
    }

    private static Head head(Connection connection, boolean lock) throws SQLException {
        try (PreparedStatement head = connection.prepareStatement("select last_seq, last_hash from audit_chain_head where id = ?"
                + (lock ? " for update" : ""))) {
            head.setLong(1, HEAD);
            try (ResultSet row = head.executeQuery()) {
                row.next();
                return new Head(row.getLong(1), row.getString(2));
            }
        }
    }

    private static String link(String previous, long seq, String eventId, String leadId, String type, Instant at, String reason,
            String noteDigest, String actor, String handoffId, Instant recordedAt) {
        return ChainLink.hash(previous, Long.toString(seq), eventId, leadId, type, Long.toString(at.toEpochMilli()), reason, noteDigest,
                actor, handoffId, Long.toString(recordedAt.toEpochMilli()));
    }

    private static LifecycleEvent event(ResultSet rows) throws SQLException {
        return new LifecycleEvent(rows.getLong(1), rows.getString(2), rows.getString(3), EventType.valueOf(rows.getString(4)),
                Jdbc.instant(rows, 5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9), Jdbc.instant(rows, 10));
    }
}
