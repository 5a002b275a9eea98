package io.leadqualifier.audit.trail;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A fired rule's name, stored once and numbered for the rule index ({@link RuleHit}). */
@Entity
@Table(name = "rule_name")
public class RuleName extends PanacheEntityBase {
    @Id
    public int id;
    public String name;
}
