package io.leadqualifier.lifecycle.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.audit.integrity.PersonalDataErased;

/**
 * Sales notes are free text and may name the person: a GDPR erasure of the lead erases them, in the erasure's
 * transaction. The chain covers each note's digest, not the note, so the chain still verifies.
 */
@ApplicationScoped
public class EventNotes {
    private final AgroalDataSource dataSource;

    EventNotes(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void erase(@Observes PersonalDataErased erased) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("update lead_event set note = null where lead_id = ? and note is not null")) {
            update.setString(1, erased.leadId());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Cannot erase the lead's sales notes: " + e.getMessage(), e);
        }
    }
}
