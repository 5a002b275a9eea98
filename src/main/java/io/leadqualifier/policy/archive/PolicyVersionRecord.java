package io.leadqualifier.policy.archive;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A policy version: content-addressed, its files stored once as {@link PolicyFileRecord}s. */
@Entity
@Table(name = "policy_version")
public class PolicyVersionRecord extends PanacheEntityBase {
    @Id
    public String version;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "file_count")
    public int fileCount;
    @Column(name = "created_at")
    public Instant createdAt;
}
