package io.leadqualifier.audit;

import java.io.Serializable;
import java.util.Objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A rule that fired for a decision (its first firing), with the decision's evaluation time: the index behind
 * "decisions where rule X fired", newest first.
 */
@Entity
@Table(name = "decision_rule")
@IdClass(DecisionRuleRecord.Key.class)
public class DecisionRuleRecord extends PanacheEntityBase {
    @Id
    @Column(name = "decision_id")
    public String decisionId;
    @Id
    public int sequence;
    @Column(name = "rule_name")
    public String ruleName;
    @Column(name = "evaluated_at")
    public java.time.Instant evaluatedAt;

    /** Composite key: decision and firing sequence. */
    public static class Key implements Serializable {
        public String decisionId;
        public int sequence;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(key.decisionId, decisionId) && key.sequence == sequence;
        }

        @Override
        public int hashCode() {
            return Objects.hash(decisionId, sequence);
        }
    }
}
