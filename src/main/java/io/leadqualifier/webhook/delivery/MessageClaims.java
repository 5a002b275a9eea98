package io.leadqualifier.webhook.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.system.Jdbc;
import io.leadqualifier.webhook.subscription.Subscriptions;

/**
 * The worker's side of the outbox. A claim takes due messages in a short transaction: it locks them, skipping rows
 * another instance has locked ({@code FOR UPDATE SKIP LOCKED}, on PostgreSQL and H2), and stamps them with this
 * instance and a lease; the message is then sent outside any transaction, and another instance takes it only once
 * the lease has passed (the claimer died). The attempt is recorded with what became of the message. Times come
 * from the service clock, never the database's, so that every instance and the tests agree on what is due.
 */
@Singleton
public class MessageClaims {
    private final AgroalDataSource dataSource;

    MessageClaims(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A message claimed for one attempt, with its recipient as read at the claim. */
    public record Claim(String messageId, String subscriptionId, int attemptsBefore, String body, Subscriptions.Recipient recipient) {
        @Override
        public String toString() {
            return "Claim[" + messageId + " for " + subscriptionId + ", attempt " + (attemptsBefore + 1) + "]";
        }
    }

    /** An attempt made: its outcome, what the message becomes, when it is tried again (RETRYING only). */
    public record Attempt(int number, Instant at, Integer httpStatus, String error, long millis, AttemptOutcome outcome,
            Instant nextAttemptAt) {
    }

    /** Claims up to {@code max} messages due at {@code now} for {@code owner}, until {@code now + lease}. */
    public List<Claim> claim(int max, Instant now, Duration lease, String owner) {
        return Jdbc.transaction(dataSource, null, connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement due = connection.prepareStatement("select id from webhook_message where status = 'PENDING'"
                    + " and next_attempt_at <= ? and (claimed_until is null or claimed_until <= ?)"
                    + " order by next_attempt_at fetch first " + max + " rows only for update skip locked")) {
                due.setObject(1, Jdbc.utc(now));
                due.setObject(2, Jdbc.utc(now));
                try (ResultSet rows = due.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement stamp = connection.prepareStatement(
                    "update webhook_message set claimed_by = ?, claimed_until = ? where id = ?")) {
                for (String id : ids) {
                    stamp.setString(1, owner);
                    stamp.setObject(2, Jdbc.utc(now.plus(lease)));
                    stamp.setString(3, id);
                    stamp.addBatch();
                }
                stamp.executeBatch();
            }
            return claims(connection, ids);
        });
    }

    private static List<Claim> claims(Connection connection, List<String> ids) throws SQLException {
        record Row(String id, String subscriptionId, int attempts, String body) {
        }
        List<Row> rows = new ArrayList<>();
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement select = connection.prepareStatement(
                "select id, subscription_id, attempts, body from webhook_message where id in (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Row(row.getString(1), row.getString(2), row.getInt(3), row.getString(4)));
                }
            }
        }
        Set<String> subscriptions = new LinkedHashSet<>();
        rows.forEach(row -> subscriptions.add(row.subscriptionId()));
        Map<String, Subscriptions.Recipient> recipients = Subscriptions.recipients(connection, subscriptions);
        return rows.stream().map(row -> new Claim(row.id(), row.subscriptionId(), row.attempts(), row.body(),
                recipients.get(row.subscriptionId()))).toList();
    }

    /**
     * Records an attempt and what became of its message, unless the lease was lost meanwhile (then only the attempt
     * is recorded: it was made). A 410 Gone disables the subscription in the same transaction. Returns whether the
     * message was still this claimer's.
     */
    public boolean record(Claim claim, String owner, Attempt attempt, String disabledReason) {
        return Jdbc.transaction(dataSource, null, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into webhook_attempt (message_id, attempt,"
                    + " attempted_at, http_status, error, duration_ms, outcome, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, claim.messageId());
                insert.setInt(2, attempt.number());
                Jdbc.setInstant(insert, 3, attempt.at());
                Jdbc.setInteger(insert, 4, attempt.httpStatus());
                insert.setString(5, attempt.error());
                insert.setLong(6, Math.min(Integer.MAX_VALUE, attempt.millis()));
                insert.setString(7, attempt.outcome().name());
                Jdbc.setInstant(insert, 8, attempt.nextAttemptAt());
                insert.executeUpdate();
            }
            boolean ours;
            try (PreparedStatement update = connection.prepareStatement("update webhook_message set status = ?, attempts = ?,"
                    + " next_attempt_at = ?, delivered_at = ?, claimed_by = null, claimed_until = null where id = ? and claimed_by = ?")) {
                update.setString(1, attempt.outcome().messageStatus().name());
                update.setInt(2, attempt.number());
                Jdbc.setInstant(update, 3, attempt.nextAttemptAt());
                Jdbc.setInstant(update, 4, attempt.outcome() == AttemptOutcome.DELIVERED ? attempt.at() : null);
                update.setString(5, claim.messageId());
                update.setString(6, owner);
                ours = update.executeUpdate() == 1;
            }
            if (disabledReason != null) {
                Subscriptions.disable(connection, claim.subscriptionId(), disabledReason, attempt.at());
            }
            return ours;
        });
    }

    /** A message whose subscription no longer receives: cancelled without an attempt. */
    public void cancel(Claim claim, String owner) {
        Jdbc.transaction(dataSource, null, connection -> {
            try (PreparedStatement update = connection.prepareStatement("update webhook_message set status = 'CANCELLED',"
                    + " next_attempt_at = null, claimed_by = null, claimed_until = null where id = ? and claimed_by = ?")) {
                update.setString(1, claim.messageId());
                update.setString(2, owner);
                return update.executeUpdate();
            }
        });
    }
}
