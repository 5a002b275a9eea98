package io.leadqualifier.policy.activation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.policy.source.PolicyConfig;
import io.leadqualifier.system.Jdbc;
import io.quarkus.logging.Log;

/**
 * Tells the other instances on the same PostgreSQL that a policy version was activated: a {@code NOTIFY} on a
 * channel named after the schema (so that services on other schemas of the database are not woken), sent after
 * the activation has committed. A lost notice costs only time: {@link PolicySync} also checks periodically.
 * Nothing is sent on H2, where there is one instance.
 */
@ApplicationScoped
public class PolicyNotices {
    private final AgroalDataSource dataSource;
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

    void activated(String version) {
        if (!clustered) {
            return;
        }
        try {
            Jdbc.read(dataSource, connection -> {
                try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                    notify.setString(1, channel());
                    notify.setString(2, version);
                    notify.execute();
                }
                return null;
            });
        } catch (RuntimeException e) {
            Log.warnf("Policy %s: the other instances were not notified (%s); they find it at their next check", version,
                    e.getMessage());
        }
    }
}
