package io.leadqualifier.webhook.delivery;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.system.Jdbc;

/** A subscription's messages, newest first, each with every attempt made: what an administrator reads to see what happened. */
@Singleton
public class DeliveryLog {
    private final AgroalDataSource dataSource;

    DeliveryLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One attempt: when, the HTTP status or the error, how long, and what became of the message. */
    public record AttemptView(int attempt, Instant attemptedAt, Integer httpStatus, String error, long durationMillis,
            AttemptOutcome outcome, Instant nextAttemptAt) {
    }

    /** One message (the webhook-id is {@code messageId}) and its attempts, oldest first. */
    public record Delivery(String messageId, String eventType, String leadId, Instant occurredAt, Instant createdAt,
            DeliveryStatus status, Instant nextAttemptAt, Instant deliveredAt, List<AttemptView> attempts) {
    }

    /** A page of deliveries and how many match in all. */
    public record Page(long total, int page, int size, List<Delivery> items) {
    }

    public Page list(String subscriptionId, DeliveryStatus status, int page, int size) {
        String where = " from webhook_message where subscription_id = ?" + (status == null ? "" : " and status = ?");
        return Jdbc.read(dataSource, connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement("select count(*)" + where)) {
                bind(count, subscriptionId, status);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            List<Delivery> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select id, event_type, lead_id, occurred_at, created_at,"
                    + " status, next_attempt_at, delivered_at" + where + " order by created_at desc, id desc offset "
                    + (long) page * size + " rows fetch next " + size + " rows only")) {
                bind(select, subscriptionId, status);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        items.add(new Delivery(rows.getString("id"), rows.getString("event_type"), rows.getString("lead_id"),
                                Jdbc.instant(rows, "occurred_at"), Jdbc.instant(rows, "created_at"),
                                DeliveryStatus.valueOf(rows.getString("status")), Jdbc.instant(rows, "next_attempt_at"),
                                Jdbc.instant(rows, "delivered_at"), List.of()));
                    }
                }
            }
            if (items.isEmpty()) {
                return new Page(total, page, size, items);
            }
            Map<String, List<AttemptView>> attempts = new HashMap<>();
            String marks = String.join(", ", Collections.nCopies(items.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement("select message_id, attempt, attempted_at, http_status,"
                    + " error, duration_ms, outcome, next_attempt_at from webhook_attempt where message_id in (" + marks
                    + ") order by message_id, attempt, id")) {
                for (int i = 0; i < items.size(); i++) {
                    select.setString(i + 1, items.get(i).messageId());
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Integer httpStatus = rows.getObject("http_status", Integer.class);
                        attempts.computeIfAbsent(rows.getString("message_id"), id -> new ArrayList<>()).add(new AttemptView(
                                rows.getInt("attempt"), Jdbc.instant(rows, "attempted_at"), httpStatus,
                                rows.getString("error"), rows.getLong("duration_ms"), AttemptOutcome.valueOf(rows.getString("outcome")),
                                Jdbc.instant(rows, "next_attempt_at")));
                    }
                }
            }
            return new Page(total, page, size, items.stream().map(d -> new Delivery(d.messageId(), d.eventType(), d.leadId(),
                    d.occurredAt(), d.createdAt(), d.status(), d.nextAttemptAt(), d.deliveredAt(),
                    attempts.getOrDefault(d.messageId(), List.of()))).toList());
        });
    }

    private static void bind(PreparedStatement statement, String subscriptionId, DeliveryStatus status) throws SQLException {
        statement.setString(1, subscriptionId);
        if (status != null) {
            statement.setString(2, status.name());
        }
    }
}
