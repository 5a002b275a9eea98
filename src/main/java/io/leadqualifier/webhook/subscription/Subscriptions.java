package io.leadqualifier.webhook.subscription;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.system.StoreDurability;
import io.leadqualifier.system.Jdbc;
import io.leadqualifier.webhook.WebhookEventType;
import io.leadqualifier.webhook.WebhookProblem;

/** Making, reading, deleting and disabling subscriptions. */
@ApplicationScoped
public class Subscriptions {
    private static final Logger LOG = Logger.getLogger(Subscriptions.class);
    private static final String COLUMNS = "id, url, event_types, secret, status, created_at, created_by, disabled_at, disabled_reason";

    private final AgroalDataSource dataSource;
    private final StoreDurability durability;
    private final EndpointGuard guard;
    private final Clock clock;

    Subscriptions(AgroalDataSource dataSource, StoreDurability durability, EndpointGuard guard, Clock clock) {
        this.dataSource = dataSource;
        this.durability = durability;
        this.guard = guard;
        this.clock = clock;
    }

    /** A subscription just made, with its secret: the only time the secret is given out. */
    public record Created(Subscription subscription, String secret) {
        @Override
        public String toString() {
            return "Created[" + subscription + ", secret=" + subscription.secretHint() + "]";
        }
    }

    /** Who a message goes to, read when it is delivered. */
    public record Recipient(String url, String secret, Subscription.Status status) {
        @Override
        public String toString() {
            return "Recipient[" + url + ", " + status + "]";
        }
    }

    /** An active subscription and the event types it wants: what the outbox fans an event out to. */
    public record Target(String id, Set<WebhookEventType> eventTypes) {
    }

    /**
     * Checks the URL (form, and every address its host resolves to) and the event types, then stores a new
     * subscription with a fresh secret, durably.
     */
    public Created subscribe(String url, List<String> eventTypes, String createdBy) {
        List<WebhookEventType> types = eventTypes(eventTypes);
        String checked;
        try {
            checked = guard.check(url).uri().toString();
        } catch (EndpointGuard.Refused e) {
            throw WebhookProblem.invalid("url", e.getMessage());
        }
        String id = UUID.randomUUID().toString();
        String secret = WebhookSecret.generate();
        Instant now = clock.instant();
        Jdbc.transaction(dataSource, durability, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into webhook_subscription (" + COLUMNS
                    + ") values (?, ?, ?, ?, 'ACTIVE', ?, ?, null, null)")) {
                insert.setString(1, id);
                insert.setString(2, checked);
                insert.setString(3, types.stream().map(WebhookEventType::wireName).collect(Collectors.joining(",")));
                insert.setString(4, secret);
                insert.setObject(5, Jdbc.utc(now));
                insert.setString(6, createdBy);
                return insert.executeUpdate();
            }
        });
        LOG.infof("Webhook subscription %s made by %s for %s", id, createdBy, types.stream().map(WebhookEventType::wireName).toList());
        return new Created(new Subscription(id, checked, types, Subscription.Status.ACTIVE, now, createdBy,
                WebhookSecret.hint(secret), null, null), secret);
    }

    private static List<WebhookEventType> eventTypes(List<String> names) {
        EnumSet<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String field = "eventTypes[" + i + "]";
            types.add(WebhookEventType.ofWireName(name).filter(WebhookEventType::subscribable).orElseThrow(() ->
                    WebhookProblem.invalid(field, "unknown event type '" + name + "': use one of " + WebhookEventType.subscribableNames())));
        }
        return List.copyOf(types);
    }

    /** A subscription that is not deleted. */
    public Optional<Subscription> find(String id) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                    + " from webhook_subscription where id = ? and status <> 'DELETED'")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(subscription(row)) : Optional.empty();
                }
            }
        });
    }

    /** Every subscription that is not deleted, oldest first. */
    public List<Subscription> list() {
        return Jdbc.read(dataSource, connection -> {
            List<Subscription> subscriptions = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                    + " from webhook_subscription where status <> 'DELETED' order by created_at, id");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    subscriptions.add(subscription(rows));
                }
            }
            return subscriptions;
        });
    }

    /** Deletes a subscription: its secret is wiped and its pending messages are cancelled. False when there is none. */
    public boolean delete(String id) {
        boolean deleted = Jdbc.transaction(dataSource, durability, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update webhook_subscription set status = 'DELETED', secret = null where id = ? and status <> 'DELETED'")) {
                update.setString(1, id);
                if (update.executeUpdate() == 0) {
                    return false;
                }
            }
            cancelPending(connection, id);
            return true;
        });
        if (deleted) {
            LOG.infof("Webhook subscription %s deleted", id);
        }
        return deleted;
    }

    /** Disables a subscription whose receiver answered 410 Gone, in the caller's transaction; its pending messages are cancelled. */
    public static void disable(Connection connection, String id, String reason, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update webhook_subscription set status = 'DISABLED',"
                + " disabled_at = ?, disabled_reason = ? where id = ? and status = 'ACTIVE'")) {
            update.setObject(1, Jdbc.utc(at));
            update.setString(2, reason);
            update.setString(3, id);
            update.executeUpdate();
        }
        cancelPending(connection, id);
    }

    private static void cancelPending(Connection connection, String id) throws SQLException {
        try (PreparedStatement cancel = connection.prepareStatement("update webhook_message set status = 'CANCELLED',"
                + " next_attempt_at = null where subscription_id = ? and status = 'PENDING'")) {
            cancel.setString(1, id);
            cancel.executeUpdate();
        }
    }

    /** The active subscriptions, read in the caller's transaction. */
    public static List<Target> active(Connection connection) throws SQLException {
        List<Target> targets = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, event_types from webhook_subscription where status = 'ACTIVE'");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                targets.add(new Target(rows.getString(1), Set.copyOf(types(rows.getString(2)))));
            }
        }
        return targets;
    }

    /** URL, secret and status of the subscriptions named, read when their messages are delivered. */
    public static Map<String, Recipient> recipients(Connection connection, Set<String> ids) throws SQLException {
        Map<String, Recipient> recipients = new HashMap<>();
        if (ids.isEmpty()) {
            return recipients;
        }
        List<String> all = List.copyOf(ids);
        try (PreparedStatement select = connection.prepareStatement("select id, url, secret, status from webhook_subscription where id in ("
                + String.join(", ", Collections.nCopies(all.size(), "?")) + ")")) {
            for (int i = 0; i < all.size(); i++) {
                select.setString(i + 1, all.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    recipients.put(rows.getString(1), new Recipient(rows.getString(2), rows.getString(3),
                            Subscription.Status.valueOf(rows.getString(4))));
                }
            }
        }
        return recipients;
    }

    private static Subscription subscription(ResultSet row) throws SQLException {
        return new Subscription(row.getString("id"), row.getString("url"), types(row.getString("event_types")),
                Subscription.Status.valueOf(row.getString("status")), Jdbc.instant(row, "created_at"), row.getString("created_by"),
                WebhookSecret.hint(row.getString("secret")), Jdbc.instant(row, "disabled_at"), row.getString("disabled_reason"));
    }

    private static List<WebhookEventType> types(String names) {
        return Arrays.stream(names.split(",")).map(WebhookEventType::ofWireName).flatMap(Optional::stream).toList();
    }
}
