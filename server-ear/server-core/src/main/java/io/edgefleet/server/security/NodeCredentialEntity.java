package io.edgefleet.server.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code node_credential}: the SHA-256 of the MQTT password issued at enrollment. */
@Entity
@Table(name = "node_credential")
public class NodeCredentialEntity {
    @Id
    @Column(name = "node_id")
    private long nodeId;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected NodeCredentialEntity() {}

    public NodeCredentialEntity(long nodeId, long tenantId, String secretHash, Instant createdAt) {
        this.nodeId = nodeId;
        this.tenantId = tenantId;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
    }

    public String secretHash() {
        return secretHash;
    }
}
