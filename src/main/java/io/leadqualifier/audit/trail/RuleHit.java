package io.leadqualifier.audit.trail;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A rule that fired for a decision (once per decision), with the decision's evaluation time and place in
 * the chain: the index behind "decisions where rule X fired", newest first. Rules are named by number
 * ({@link RuleName}), so a row is three numbers.
 */
@Entity
@Table(name = "decision_rule_hit")
@IdClass(RuleHit.Key.class)
public class RuleHit extends PanacheEntityBase {
    @Id
    @Column(name = "rule_id")
    public int ruleId;
    @Id
    @Column(name = "evaluated_at")
    public Instant evaluatedAt;
    @Id
    @Column(name = "decision_seq")
    public long decisionSeq;

    /** The three columns are the key. */
    public static class Key implements Serializable {
        public int ruleId;
        public Instant evaluatedAt;
        public long decisionSeq;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.ruleId == ruleId && Objects.equals(key.evaluatedAt, evaluatedAt)
                    && key.decisionSeq == decisionSeq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(ruleId, evaluatedAt, decisionSeq);
        }
    }
}
