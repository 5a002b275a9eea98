package io.leadqualifier.policy.archive;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One file of a stored policy version, its bytes in Base64 (portable across H2 and PostgreSQL). */
@Entity
@Table(name = "policy_file")
@IdClass(PolicyFileRecord.Key.class)
public class PolicyFileRecord extends PanacheEntityBase {
    @Id
    public String version;
    @Id
    public String path;
    public String sha256;
    @Column(name = "content_base64")
    public String contentBase64;

    /** Composite key: version and path. */
    public static class Key implements Serializable {
        public String version;
        public String path;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(key.version, version) && Objects.equals(key.path, path);
        }

        @Override
        public int hashCode() {
            return Objects.hash(version, path);
        }
    }
}
