package io.leadqualifier.webhook;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhook subscriptions and their delivery. */
@ConfigMapping(prefix = "lead-qualifier.webhooks")
public interface WebhookConfig {

    /** How often the delivery worker looks for due messages: a duration ({@code 2s}), or {@code off} on an instance that must not deliver. */
    @WithDefault("2s")
    String poll();

    /**
     * Refuse receivers on loopback and private addresses (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7, 127/8,
     * ::1). Link-local and cloud metadata addresses are refused whatever this says.
     */
    @WithDefault("false")
    boolean denyPrivate();

    /** Deliveries in flight at once on this instance. */
    @WithDefault("8")
    int maxConcurrent();

    /** How long a receiver may take to accept the connection. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** How long a receiver may take to answer once the message is sent. */
    @WithDefault("10s")
    Duration responseTimeout();

    /**
     * How long a claimed message belongs to the instance that claimed it. An instance that dies while sending leaves
     * its claims; another instance (or the same one restarted) takes them over once their lease has passed. Must be
     * well above connect plus response timeout.
     */
    @WithDefault("2m")
    Duration lease();
}
