package io.edgefleet.server.node;

import io.edgefleet.protocol.NodeCondition;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Row of {@code node}. Metadata changes (labels) advance {@code resourceVersion} to the tenant's new
 * version; status columns are observed values and do not (see docs/architecture/server.md).
 */
@Entity
@Table(name = "node")
public class NodeEntity {
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

    @Convert(converter = NodePhase.DbConverter.class)
    @Column(name = "phase", nullable = false, length = 16)
    private NodePhase phase;

    @Column(name = "last_seen")
    private Instant lastSeen;

    @Column(name = "agent_version", nullable = false, length = 64)
    private String agentVersion = "";

    @Column(name = "os", nullable = false, length = 64)
    private String os = "";

    @Column(name = "arch", nullable = false, length = 32)
    private String arch = "";

    @Column(name = "hostname", nullable = false, length = 255)
    private String hostname = "";

    @Column(name = "cpus", nullable = false)
    private int cpus;

    @Column(name = "memory_mb", nullable = false)
    private long memoryMb;

    @Column(name = "applied_version", nullable = false)
    private long appliedVersion;

    @Column(name = "outbox_depth", nullable = false)
    private long outboxDepth;

    @Column(name = "last_applied_seq", nullable = false)
    private long lastAppliedSeq;

    @Column(name = "conditions_json", nullable = false, length = 4096)
    private String conditionsJson = "[]";

    @OneToMany(mappedBy = "node", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<NodeLabelEntity> labels = new ArrayList<>();

    protected NodeEntity() {}

    /** A freshly enrolled node: Pending, never seen, at the tenant's version {@code resourceVersion}. */
    public NodeEntity(long tenantId, String name, long resourceVersion, Instant now) {
        this.tenantId = tenantId;
        this.name = name;
        this.resourceVersion = resourceVersion;
        this.generation = 1;
        this.createdAt = now;
        this.updatedAt = now;
        this.phase = NodePhase.PENDING;
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

    public NodePhase phase() {
        return phase;
    }

    public Optional<Instant> lastSeen() {
        return Optional.ofNullable(lastSeen);
    }

    public String agentVersion() {
        return agentVersion;
    }

    public String os() {
        return os;
    }

    public String arch() {
        return arch;
    }

    public String hostname() {
        return hostname;
    }

    public int cpus() {
        return cpus;
    }

    public long memoryMb() {
        return memoryMb;
    }

    public long appliedVersion() {
        return appliedVersion;
    }

    public long outboxDepth() {
        return outboxDepth;
    }

    public long lastAppliedSeq() {
        return lastAppliedSeq;
    }

    /** The labels, sorted by key. */
    public Map<String, String> labels() {
        Map<String, String> result = new TreeMap<>();
        labels.forEach(l -> result.put(l.key(), l.value()));
        return Collections.unmodifiableMap(result);
    }

    /**
     * Replaces the labels with {@code wanted}, updating rows in place: removing and re-adding a key in
     * one flush would break the (node, key) unique constraint, because inserts flush before deletes.
     */
    void replaceLabels(Map<String, String> wanted) {
        labels.removeIf(l -> !wanted.containsKey(l.key()));
        Map<String, NodeLabelEntity> existing = new TreeMap<>();
        labels.forEach(l -> existing.put(l.key(), l));
        wanted.forEach((key, value) -> {
            NodeLabelEntity row = existing.get(key);
            if (row == null) {
                labels.add(new NodeLabelEntity(this, key, value));
            } else if (!row.value().equals(value)) {
                row.value(value);
            }
        });
    }

    /** Records a metadata change at the tenant's new version. */
    void changed(long newResourceVersion, Instant now) {
        this.resourceVersion = newResourceVersion;
        this.updatedAt = now;
    }

    /** Describes the machine as the edge reported it at enrollment or in a node-status message. */
    public void describe(String agentVersion, String os, String arch, String hostname) {
        this.agentVersion = clip(agentVersion, 64);
        this.os = clip(os, 64);
        this.arch = clip(arch, 32);
        this.hostname = clip(hostname, 255);
    }

    /** The conditions the node last reported, sorted by type. */
    public List<NodeCondition> conditions() {
        return NodeConditionsColumn.read(conditionsJson);
    }

    /** A reported condition that is new or whose status changed. */
    record ConditionTransition(Optional<NodeCondition> before, NodeCondition now) {}

    /**
     * Keeps {@code reported} as the node's conditions; returns those that are new or whose status
     * changed (a condition the node no longer reports is dropped without a transition: it cannot tell).
     */
    List<ConditionTransition> conditions(List<NodeCondition> reported) {
        Map<String, NodeCondition> before = new TreeMap<>();
        conditions().forEach(c -> before.put(c.type(), c));
        List<NodeCondition> sorted = reported.stream()
                .sorted(java.util.Comparator.comparing(NodeCondition::type))
                .toList();
        this.conditionsJson = NodeConditionsColumn.write(sorted);
        return sorted.stream()
                .map(c -> new ConditionTransition(Optional.ofNullable(before.get(c.type())), c))
                .filter(t -> t.before().map(b -> b.status() != t.now().status()).orElse(true))
                .toList();
    }

    void capacity(int cpus, long memoryMb) {
        this.cpus = cpus;
        this.memoryMb = memoryMb;
    }

    /** Any message from the node: it is Online and was seen now. Returns whether it was not Online. */
    boolean seen(Instant now) {
        boolean cameOnline = phase != NodePhase.ONLINE;
        this.phase = NodePhase.ONLINE;
        this.lastSeen = now;
        return cameOnline;
    }

    void appliedVersion(long version) {
        this.appliedVersion = version;
    }

    void lastAppliedSeq(long seq) {
        this.lastAppliedSeq = seq;
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
