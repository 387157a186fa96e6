package io.edgefleet.server.workload;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * Row of {@code workload}. Every change of metadata or spec advances {@code resourceVersion}; a spec
 * change also advances {@code generation} and stores the template as a new revision.
 */
@Entity
@Table(name = "workload")
public class WorkloadEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "name", nullable = false, length = 63)
    private String name;

    @Column(name = "resource_version", nullable = false)
    private long resourceVersion;

    @Column(name = "generation", nullable = false)
    private long generation;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "labels_json", nullable = false, columnDefinition = "TEXT")
    private String labelsJson;

    @Column(name = "selector", nullable = false, length = 2048)
    private String selector;

    @Column(name = "max_unavailable", nullable = false)
    private int maxUnavailable;

    @Column(name = "template_json", nullable = false, columnDefinition = "MEDIUMTEXT")
    private String templateJson;

    @Column(name = "artifact_sha256", length = 64)
    private String artifactSha256;

    protected WorkloadEntity() {}

    WorkloadEntity(long tenantId, String name, long resourceVersion, Instant now) {
        this.tenantId = tenantId;
        this.name = name;
        this.resourceVersion = resourceVersion;
        this.generation = 0;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public long id() {
        return id;
    }

    public long tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public long resourceVersion() {
        return resourceVersion;
    }

    public long generation() {
        return generation;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    String labelsJson() {
        return labelsJson;
    }

    String selector() {
        return selector;
    }

    int maxUnavailable() {
        return maxUnavailable;
    }

    String templateJson() {
        return templateJson;
    }

    public Optional<String> artifactSha256() {
        return Optional.ofNullable(artifactSha256);
    }

    /** Records a change of metadata or spec at the tenant's new {@code version}. */
    void changed(long version, Instant now) {
        this.resourceVersion = version;
        this.updatedAt = now;
    }

    void labels(String json) {
        this.labelsJson = json;
    }

    /** Sets the spec; returns true when it differs from the one held (the generation then advances). */
    boolean spec(String selector, int maxUnavailable, String templateJson, Optional<String> artifactSha256) {
        boolean differs = !selector.equals(this.selector)
                || maxUnavailable != this.maxUnavailable
                || !templateJson.equals(this.templateJson);
        this.selector = selector;
        this.maxUnavailable = maxUnavailable;
        this.templateJson = templateJson;
        this.artifactSha256 = artifactSha256.orElse(null);
        if (differs) {
            generation++;
        }
        return differs;
    }
}
