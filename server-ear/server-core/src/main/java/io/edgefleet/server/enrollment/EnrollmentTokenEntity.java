package io.edgefleet.server.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** Row of {@code enrollment_token}: a one-time token, stored as its SHA-256 only. */
@Entity
@Table(name = "enrollment_token")
public class EnrollmentTokenEntity {
    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "node_name", length = 63)
    private String nodeName;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "used_by_node", length = 63)
    private String usedByNode;

    protected EnrollmentTokenEntity() {}

    public EnrollmentTokenEntity(
            String id,
            long tenantId,
            String tokenHash,
            Optional<String> nodeName,
            String createdBy,
            Instant createdAt,
            Instant expiresAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.tokenHash = tokenHash;
        this.nodeName = nodeName.orElse(null);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String id() {
        return id;
    }

    public long tenantId() {
        return tenantId;
    }

    public Optional<String> nodeName() {
        return Optional.ofNullable(nodeName);
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Instant> usedAt() {
        return Optional.ofNullable(usedAt);
    }

    public Optional<String> usedByNode() {
        return Optional.ofNullable(usedByNode);
    }

    void use(String node, Instant now) {
        this.usedAt = now;
        this.usedByNode = node;
    }
}
