package io.leadqualifier.audit.trail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.leadqualifier.decision.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One row of the decision trail. The queried fields are columns; the rest of the decision and its input
 * are a compressed body ({@link DecisionBody}; JSON text columns in rows of the first format), so the
 * decision reads back exactly as it was answered. What identifies the person is kept apart
 * ({@link PersonalData}); {@link ChainLink} chains each row to the one before.
 */
@Entity
@Table(name = "decision")
public class RecordedDecision extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "lead_id")
    public String leadId;
    @Column(name = "as_of")
    public Instant asOf;
    @Column(name = "evaluated_at")
    public Instant evaluatedAt;
    public String stage;
    public String temperature;
    public String route;
    @Column(name = "score_fit")
    public int scoreFit;
    @Column(name = "score_engagement")
    public int scoreEngagement;
    @Column(name = "score_total")
    public int scoreTotal;
    @Column(name = "policy_version")
    public String policyVersion;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_hash")
    public String requestHash;
    /** Rows of the first format only: fired rule names in firing order, one per line. */
    @Column(name = "fired_rules")
    public String firedRules;
    @Column(name = "input_json")
    public String inputJson;
    @Column(name = "output_json")
    public String outputJson;
    /** Rows recorded since decisions are stored compactly: everything that is not a column ({@link DecisionBody}). */
    public byte[] body;
    /** Position in the hash chain; null for rows recorded before the chain existed. */
    @Column(name = "chain_seq")
    public Long chainSeq;
    @Column(name = "prev_hash")
    public String prevHash;
    @Column(name = "chain_hash")
    public String chainHash;
    @Column(name = "personal_digest")
    public String personalDigest;
}
