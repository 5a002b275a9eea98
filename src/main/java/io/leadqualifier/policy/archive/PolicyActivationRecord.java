package io.leadqualifier.policy.archive;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One time a policy version started serving, and the candidate that made it serve. */
@Entity
@Table(name = "policy_activation")
public class PolicyActivationRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String version;
    @Column(name = "candidate_id")
    public Long candidateId;
    @Column(name = "activated_at")
    public Instant activatedAt;
}
