package io.leadqualifier.shadow;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The shadow policy attached, kept so that it is attached again after a restart; at most one row. */
@Entity
@Table(name = "policy_shadow")
public class ShadowAttachmentRecord extends PanacheEntityBase {
    /** Always {@link #ONLY}: there is one shadow at a time. */
    static final int ONLY = 1;

    @Id
    public int id;
    public String version;
    @Column(name = "candidate_id")
    public long candidateId;
    @Column(name = "based_on")
    public String basedOn;
    @Column(name = "attached_at")
    public Instant attachedAt;
    @Column(name = "attached_by")
    public String attachedBy;
}
