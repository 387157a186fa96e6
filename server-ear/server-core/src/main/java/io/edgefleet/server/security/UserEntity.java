package io.edgefleet.server.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code app_user}: a person or integration that calls the REST API. */
@Entity
@Table(name = "app_user")
public class UserEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "username", nullable = false, length = 64)
    private String username;

    @Column(name = "role", nullable = false, length = 32)
    private String role;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected UserEntity() {}

    public UserEntity(long tenantId, String username, Role role, String passwordHash, Instant now) {
        this.tenantId = tenantId;
        this.username = username;
        this.role = role.wireName();
        this.passwordHash = passwordHash;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public long tenantId() {
        return tenantId;
    }

    public String username() {
        return username;
    }

    /** The role; a value unknown to this version of the server grants nothing (viewer). */
    public Role role() {
        return Role.fromWireName(role).orElse(Role.VIEWER);
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
