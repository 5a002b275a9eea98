package io.leadqualifier.system;

import java.util.HashMap;
import java.util.Map;

/**
 * The database the suite runs on: in-memory H2 by default, or the PostgreSQL named by
 * {@code LQ_TEST_DB=postgresql} and {@code LQ_TEST_PG_URL} (what {@code .ci/run} does when one answers).
 * Each test profile gets a database of its own: an H2 memory database, or a PostgreSQL schema that Flyway
 * empties at start, so a class can count decisions without meeting another's.
 */
public final class TestDatabase {
    private static final String KIND = System.getenv().getOrDefault("LQ_TEST_DB", "h2");
    private static final String PG_URL = System.getenv().getOrDefault("LQ_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgresql".equals(KIND);
    }

    /** The PostgreSQL database URL with {@code schema} as the current schema. */
    public static String postgresUrl(String schema) {
        return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The PostgreSQL user and password ({@code LQ_TEST_DB_USER}, {@code LQ_TEST_DB_PASSWORD}). */
    public static String postgresUser() {
        return System.getenv().getOrDefault("LQ_TEST_DB_USER", "postgres");
    }

    public static String postgresPassword() {
        return System.getenv().getOrDefault("LQ_TEST_DB_PASSWORD", "");
    }

    /** Datasource settings for a fresh database called {@code name}. */
    public static Map<String, String> fresh(String name) {
        return settings(name, true);
    }

    /** Datasource settings for the database called {@code name}, kept as an earlier start left it. */
    public static Map<String, String> kept(String name, String h2FileUrl) {
        if (!isPostgres()) {
            return Map.of("quarkus.datasource.jdbc.url", h2FileUrl, "quarkus.flyway.clean-at-start", "false");
        }
        return settings(name, false);
    }

    private static Map<String, String> settings(String name, boolean clean) {
        Map<String, String> config = new HashMap<>();
        if (isPostgres()) {
            String schema = "lq_" + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_");
            config.put("quarkus.datasource.jdbc.url", postgresUrl(schema));
            config.put("quarkus.flyway.schemas", schema);
        } else {
            config.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        }
        config.put("quarkus.flyway.clean-at-start", Boolean.toString(clean));
        return config;
    }
}
