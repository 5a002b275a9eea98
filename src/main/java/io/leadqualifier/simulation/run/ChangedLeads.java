package io.leadqualifier.simulation.run;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.system.Jdbc;

/**
 * Table {@code simulation_change}: the members whose verdict changed, written in batches while a simulation runs
 * (a million changes take no more memory than one batch) and read back in pages, in the order they were evaluated.
 */
@ApplicationScoped
public class ChangedLeads {
    static final int BATCH = 500;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    ChangedLeads(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** A page of changed leads and how many changed in all. */
    public record Page(long total, int page, int size, List<ChangedLead> items) {
    }

    public Page page(String simulationId, int page, int size) {
        return Jdbc.read(dataSource, connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement("select count(*) from simulation_change where simulation_id = ?")) {
                count.setString(1, simulationId);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            List<ChangedLead> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select change_json from simulation_change where simulation_id = ? and seq >= ? and seq < ? order by seq")) {
                select.setString(1, simulationId);
                select.setLong(2, (long) page * size);
                select.setLong(3, (long) page * size + size);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        items.add(read(row.getString(1)));
                    }
                }
            }
            return new Page(total, page, size, items);
        });
    }

    /** Writes one simulation's changes, numbered from 0 in the order given. */
    Writer writer(String simulationId) {
        return new Writer(simulationId);
    }

    /** Buffers up to {@link #BATCH} changes, then writes them in one transaction. */
    final class Writer {
        private final String simulationId;
        private final List<ChangedLead> pending = new ArrayList<>(BATCH);
        private long next;

        private Writer(String simulationId) {
            this.simulationId = simulationId;
        }

        void add(ChangedLead change) {
            pending.add(change);
            if (pending.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            Jdbc.transaction(dataSource, null, connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into simulation_change (simulation_id, seq, lead_id, as_of, change_json) values (?, ?, ?, ?, ?)")) {
                    for (ChangedLead change : pending) {
                        insert.setString(1, simulationId);
                        insert.setLong(2, next++);
                        insert.setString(3, change.leadId());
                        Jdbc.setInstant(insert, 4, change.asOf());
                        insert.setString(5, write(change));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
            pending.clear();
        }
    }

    private String write(ChangedLead change) {
        try {
            return json.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a changed lead as JSON", e);
        }
    }

    private ChangedLead read(String text) {
        try {
            return json.readValue(text, ChangedLead.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A changed lead is stored in a form this version cannot read", e);
        }
    }
}
