package io.leadqualifier.audit.integrity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.audit.trail.RecordedDecision;
import io.leadqualifier.decision.PersonalData;
import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.system.StoreDurability;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Erases what identifies a lead's person (GDPR art. 17): the separately kept personal data of every decision
 * of the lead, with its salt, so that the digest left in the chain links to nothing. Decisions, their
 * chain and their replay are untouched: rules never saw more than the email domain. The erasure itself
 * is recorded.
 */
@ApplicationScoped
public class PersonalDataErasure {
    private final ObjectMapper json;
    private final StoreDurability durability;
    private final Clock clock;
    private final Event<PersonalDataErased> erased;

    PersonalDataErasure(ObjectMapper json, StoreDurability durability, Clock clock, Event<PersonalDataErased> erased) {
        this.json = json;
        this.durability = durability;
        this.clock = clock;
        this.erased = erased;
    }

    /** What an erasure did. */
    public record Erasure(String leadId, Instant erasedAt, String erasedBy, int decisions) {
    }

    /** Erases, commits, and returns once the erasure is durable. */
    public Erasure erase(String leadId, String erasedBy) {
        Erasure erasure = QuarkusTransaction.requiringNew().call(() -> eraseInTransaction(leadId, erasedBy));
        durability.afterCommit();
        return erasure;
    }

    private Erasure eraseInTransaction(String leadId, String erasedBy) {
        EntityManager db = RecordedDecision.getEntityManager();
        int decisions = db.createNativeQuery(
                "delete from decision_personal_data where decision_id in (select id from decision where lead_id = ?1)")
                .setParameter(1, leadId).executeUpdate();
        decisions += eraseUnchained(leadId);
        // The idempotency hash was taken over the whole request, the person's data included.
        db.createNativeQuery("update decision set request_hash = null where lead_id = ?1 and request_hash is not null")
                .setParameter(1, leadId).executeUpdate();
        erased.fire(new PersonalDataErased(leadId));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        db.createNativeQuery("insert into personal_data_erasure (lead_id, erased_at, erased_by, decisions) values (?1, ?2, ?3, ?4)")
                .setParameter(1, leadId).setParameter(2, now).setParameter(3, erasedBy).setParameter(4, decisions).executeUpdate();
        return new Erasure(leadId, now, erasedBy, decisions);
    }

    /** Decisions recorded before personal data was kept apart hold it in their input: masked in place. */
    private int eraseUnchained(String leadId) {
        List<RecordedDecision> rows = RecordedDecision.list("leadId = ?1 and chainSeq is null", leadId);
        int erased = 0;
        for (RecordedDecision row : rows) {
            try {
                QualifyRequest input = json.readValue(row.inputJson, QualifyRequest.class);
                String masked = json.writeValueAsString(PersonalData.split(input).recordable());
                if (!masked.equals(row.inputJson)) {
                    row.inputJson = masked;
                    erased++;
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Decision " + row.id + " is stored in a form this version cannot read", e);
            }
        }
        return erased;
    }
}
