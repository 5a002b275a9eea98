package io.leadqualifier.simulation.run;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.policy.archive.PolicyCandidate;
import io.leadqualifier.system.Jdbc;
import io.leadqualifier.system.StoreDurability;

/** Table {@code simulation}: each job's status, progress and, once done, its report. */
@ApplicationScoped
class SimulationStore {
    private final AgroalDataSource dataSource;
    private final StoreDurability durability;
    private final ObjectMapper json;

    SimulationStore(AgroalDataSource dataSource, StoreDurability durability, ObjectMapper json) {
        this.dataSource = dataSource;
        this.durability = durability;
        this.json = json;
    }

    void queued(String id, String submittedBy, Instant submittedAt, String baseline, String candidate, PolicyCandidate checks,
            Map<String, Object> population) {
        update(false, """
                insert into simulation (id, status, submitted_by, submitted_at, baseline_version, candidate_version, candidate_checks,
                    population, processed, failed) values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)""",
                id, SimulationStatus.QUEUED.name(), submittedBy, submittedAt, baseline, candidate, write(checks), write(population));
    }

    void started(String id, Instant at, Long total) {
        update(false, "update simulation set status = ?, started_at = ?, total = ? where id = ?", SimulationStatus.RUNNING.name(), at, total, id);
    }

    void progress(String id, long processed, long failed) {
        update(false, "update simulation set processed = ?, failed = ? where id = ?", processed, failed, id);
    }

    /** The report is made durable before this returns: a restart does not lose it. */
    void done(String id, Instant at, long processed, long failed, Simulation.Outcome outcome) {
        update(true, "update simulation set status = ?, finished_at = ?, processed = ?, failed = ?, report = ? where id = ?",
                SimulationStatus.DONE.name(), at, processed, failed, write(outcome), id);
    }

    void failed(String id, Instant at, String error) {
        update(true, "update simulation set status = ?, finished_at = ?, error = ? where id = ?", SimulationStatus.FAILED.name(), at,
                error.length() > 2000 ? error.substring(0, 2000) : error, id);
    }

    /** Jobs a stop of the service cut short (queued or running): failed, saying so. Returns how many. */
    int interrupted(Instant at) {
        return update(true, "update simulation set status = ?, finished_at = ?, error = ? where status in (?, ?)",
                SimulationStatus.FAILED.name(), at, "interrupted by a restart of the service: submit it again",
                SimulationStatus.QUEUED.name(), SimulationStatus.RUNNING.name());
    }

    Optional<Simulation> find(String id) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select status, submitted_by, submitted_at, started_at, finished_at, baseline_version, candidate_version,
                        candidate_checks, population, processed, total, failed, report, error from simulation where id = ?""")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(simulation(id, row)) : Optional.empty();
                }
            }
        });
    }

    private Simulation simulation(String id, ResultSet row) throws SQLException {
        String report = row.getString(13);
        Simulation.Outcome outcome = report == null ? null : read(report, new TypeReference<Simulation.Outcome>() { });
        long total = row.getLong(11);
        Long knownTotal = row.wasNull() ? null : total;
        return new Simulation(id, SimulationStatus.valueOf(row.getString(1)), row.getString(2), Jdbc.instant(row, 3),
                Jdbc.instant(row, 4), Jdbc.instant(row, 5), row.getString(6), row.getString(7),
                read(row.getString(8), new TypeReference<PolicyCandidate>() { }),
                read(row.getString(9), new TypeReference<Map<String, Object>>() { }),
                new Simulation.Progress(row.getLong(10), knownTotal, row.getLong(12)),
                outcome == null ? null : outcome.failures(), outcome == null ? null : outcome.report(), row.getString(14));
    }

    /** {@code durable}: flushed before returning (H2), for what a restart must find. */
    private int update(boolean durable, String sql, Object... parameters) {
        return Jdbc.transaction(dataSource, durable ? durability : null, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i] instanceof Instant instant) {
                        Jdbc.setInstant(statement, i + 1, instant);
                    } else if (parameters[i] == null) {
                        statement.setNull(i + 1, java.sql.Types.BIGINT);
                    } else {
                        statement.setObject(i + 1, parameters[i]);
                    }
                }
                return statement.executeUpdate();
            }
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a simulation as JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A simulation is stored in a form this version cannot read", e);
        }
    }
}
