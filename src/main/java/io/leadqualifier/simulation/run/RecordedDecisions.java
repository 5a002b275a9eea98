package io.leadqualifier.simulation.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.persistence.PersistenceException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.audit.trail.DecisionBody;
import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.system.Jdbc;

/**
 * The decisions recorded (evaluated) in [from, to), each with the input the rules saw (no personal data: what
 * replay evaluates) and its lead's outcome when sales reported one (the lead's lifecycle status WON or LOST).
 * Streamed from one database cursor in lead order, so memory stays flat whatever the range.
 */
final class RecordedDecisions implements Population {
    private static final int FETCH_SIZE = 500;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final Instant from;
    private final Instant to;

    RecordedDecisions(AgroalDataSource dataSource, ObjectMapper json, Instant from, Instant to) {
        this.dataSource = dataSource;
        this.json = json;
        this.from = from;
        this.to = to;
    }

    @Override
    public Long size() {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "select count(*) from decision where evaluated_at >= ? and evaluated_at < ?")) {
                Jdbc.setInstant(count, 1, from);
                Jdbc.setInstant(count, 2, to);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    @Override
    public Map<String, Object> description() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("kind", "RECORDED_DECISIONS");
        description.put("from", from);
        description.put("to", to);
        return description;
    }

    /** In a read-only transaction: PostgreSQL streams by the fetch size only outside autocommit. */
    @Override
    public void read(Consumer<Member> sink) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement rows = connection.prepareStatement("""
                    select d.id, d.lead_id, d.as_of, d.body, d.input_json, s.status
                    from decision d left join lead_state s on s.lead_id = d.lead_id
                    where d.evaluated_at >= ? and d.evaluated_at < ?
                    order by d.lead_id, d.as_of, d.evaluated_at, d.id""")) {
                Jdbc.setInstant(rows, 1, from);
                Jdbc.setInstant(rows, 2, to);
                rows.setFetchSize(FETCH_SIZE);
                try (ResultSet row = rows.executeQuery()) {
                    while (row.next()) {
                        sink.accept(member(row));
                    }
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new PersistenceException("Cannot read the decision trail: " + e.getMessage(), e);
        }
    }

    private Member member(ResultSet row) throws SQLException {
        String id = row.getString(1);
        String leadId = row.getString(2);
        Instant asOf = Jdbc.instant(row, 3);
        byte[] body = row.getBytes(4);
        QualifyRequest input;
        try {
            input = body != null ? DecisionBody.decode(body, json, id).input(leadId, asOf)
                    : json.readValue(row.getString(5), QualifyRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Decision " + id + " is stored in a form this version cannot read", e);
        }
        String status = row.getString(6);
        Boolean converted = "WON".equals(status) ? Boolean.TRUE : "LOST".equals(status) ? Boolean.FALSE : null;
        return new Member(leadId, asOf, id, null, input, converted, null);
    }
}
