package io.leadqualifier.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.PersistenceException;

import io.agroal.api.AgroalDataSource;

/**
 * Plain JDBC for the features that write through the decision group writer's connection (the lifecycle, the
 * webhook outbox) and so speak JDBC rather than two persistence styles: a transaction of its own, a read, and
 * the timestamp conversions. A failure is a {@link PersistenceException}: the API answers 503.
 */
public final class Jdbc {
    private Jdbc() {
    }

    /** Work done on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction of its own (outside any JTA transaction), commits, and, when
     * {@code durability} is given, makes the commit durable before returning.
     */
    public static <T> T transaction(AgroalDataSource dataSource, StoreDurability durability, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.on(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            if (durability != null) {
                durability.afterCommit(connection);
            }
            return result;
        } catch (SQLException e) {
            throw new PersistenceException("Store failure: " + e.getMessage(), e);
        }
    }

    /** Reads in autocommit mode. */
    public static <T> T read(AgroalDataSource dataSource, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new PersistenceException("Store failure: " + e.getMessage(), e);
        }
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Sets a timestamp-with-time-zone parameter, null included (which PostgreSQL wants typed). */
    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, utc(instant));
        }
    }

    public static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
