package io.edgefleet.server.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code tenant}: the name and the tenant's one resourceVersion counter. */
@Entity
@Table(name = "tenant")
public class TenantEntity {
    @Id
    @Column(name = "id")
    private long id;

    @Column(name = "name", nullable = false, length = 63)
    private String name;

    @Column(name = "resource_version", nullable = false)
    private long resourceVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TenantEntity() {}

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long resourceVersion() {
        return resourceVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public TenantRef ref() {
        return new TenantRef(id, name);
    }
}
