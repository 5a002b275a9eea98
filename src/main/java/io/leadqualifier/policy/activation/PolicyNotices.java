package io.leadqualifier.policy.activation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.policy.source.PolicyConfig;
import io.leadqualifier.system.Jdbc;
import io.quarkus.logging.Log;

/**
 * Tells the other instances on the same PostgreSQL that a policy version was activated, or is being checked: a
 * {@code NOTIFY} on a channel named after the schema (so that services on other schemas of the database are not
 * woken), sent after the activation (or the candidate's files) committed. A lost notice costs only time:
 * {@link PolicySync} also checks periodically, and compiles what it was not told to prepare.
 * Nothing is sent on H2, where there is one instance.
 */
@ApplicationScoped
public class PolicyNotices {
    /** An activation's notice is the version alone; a check's is this prefix, the sender and the version. */
    private static final String CHECKING = "checking ";
    private final AgroalDataSource dataSource;
    /** Tells this instance's notices from the others': PostgreSQL delivers a notice to its sender's listener too. */
    private final String instance = UUID.randomUUID().toString();
    private final boolean clustered;
    private volatile String channel;

    PolicyNotices(AgroalDataSource dataSource, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind, PolicyConfig config) {
        this.dataSource = dataSource;
        this.clustered = config.cluster().enabled() && dbKind.toLowerCase(Locale.ROOT).startsWith("postgres");
    }

    /** Whether this instance shares its policy with the others on the database. */
    boolean clustered() {
        return clustered;
    }

    /** The channel, {@code lead_qualifier_policy_<schema>}. */
    String channel() {
        if (channel == null) {
            String schema = Jdbc.read(dataSource, connection -> {
                try (PreparedStatement select = connection.prepareStatement("select current_schema()");
                        ResultSet row = select.executeQuery()) {
                    return row.next() && row.getString(1) != null ? row.getString(1) : "public";
                }
            });
            channel = "lead_qualifier_policy_" + schema.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        }
        return channel;
    }

    /** After an activation has committed: the others serve it. */
    void activated(String version) {
        send(version, "policy " + version + " activated");
    }

    /**
     * Before this instance checks a candidate whose files are stored: the others compile it meanwhile, and serve
     * it only if an activation follows.
     */
    void checking(String version) {
        send(CHECKING + instance + " " + version, "policy " + version + " being checked");
    }

    /** Whether a notice announces a check (by any instance, this one included) rather than an activation. */
    static boolean isCheck(String payload) {
        return payload != null && payload.startsWith(CHECKING);
    }

    /** The version another instance announced it is checking; empty for an activation or a check of this instance. */
    Optional<String> checkedElsewhere(String payload) {
        if (!isCheck(payload)) {
            return Optional.empty();
        }
        String[] parts = payload.substring(CHECKING.length()).split(" ");
        return parts.length == 2 && !parts[0].equals(instance) ? Optional.of(parts[1]) : Optional.empty();
    }

    private void send(String payload, String what) {
        if (!clustered) {
            return;
        }
        try {
            Jdbc.read(dataSource, connection -> {
                try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                    notify.setString(1, channel());
                    notify.setString(2, payload);
                    notify.execute();
                }
                return null;
            });
        } catch (RuntimeException e) {
            Log.warnf("The other instances were not told (%s): %s; they find an activation at their next check", what,
                    e.getMessage());
        }
    }
}
