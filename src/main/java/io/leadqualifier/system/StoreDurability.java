package io.leadqualifier.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;

/**
 * Makes a commit outlive the process before anyone is told it happened. PostgreSQL does so by itself (its
 * commit waits for the WAL fsync). The embedded H2 does not: MVStore writes committed transactions to its
 * file up to {@code WRITE_DELAY} (500 ms) later, so a killed process loses them. After a commit on H2 we
 * therefore write the store out ({@code CHECKPOINT}: in the operating system's cache, survives the death
 * of the process) and, by default, force it to the device ({@code CHECKPOINT SYNC}: survives power loss).
 * Decisions are written in groups, so one flush serves a whole group. H2's own background writer keeps
 * running and compacts the file.
 */
@ApplicationScoped
public class StoreDurability {
    /** How far an H2 commit is pushed before it is acknowledged. */
    public enum H2Flush {
        /** Written to the file: survives SIGKILL of the process, not power loss. */
        WRITE,
        /** Written and fsync'ed: survives power loss. */
        SYNC
    }

    private final boolean h2;
    private final String statement;
    private final AgroalDataSource dataSource;

    StoreDurability(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            @ConfigProperty(name = "lead-qualifier.store.h2-flush", defaultValue = "SYNC") H2Flush flush, AgroalDataSource dataSource) {
        this.h2 = "h2".equalsIgnoreCase(dbKind);
        this.statement = flush == H2Flush.SYNC ? "CHECKPOINT SYNC" : "CHECKPOINT";
        this.dataSource = dataSource;
    }

    /** After a commit on {@code connection} (now outside any transaction): make it durable. */
    public void afterCommit(Connection connection) throws SQLException {
        if (h2) {
            try (Statement flush = connection.createStatement()) {
                flush.execute(statement);
            }
        }
    }

    /** After a commit made through the entity manager or a {@code @Transactional} method. */
    public void afterCommit() {
        if (!h2) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            afterCommit(connection);
        } catch (SQLException e) {
            throw new PersistenceException("Cannot make the last change durable: " + e.getMessage(), e);
        }
    }
}
