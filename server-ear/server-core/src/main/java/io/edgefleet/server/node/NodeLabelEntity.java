package io.edgefleet.server.node;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Row of {@code node_label}; kept as rows so that label selectors run in SQL. */
@Entity
@Table(name = "node_label")
public class NodeLabelEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "node_id", nullable = false)
    private NodeEntity node;

    @Column(name = "label_key", nullable = false, length = 317)
    private String key;

    @Column(name = "label_value", nullable = false, length = 63)
    private String value;

    protected NodeLabelEntity() {}

    NodeLabelEntity(NodeEntity node, String key, String value) {
        this.node = node;
        this.tenantId = node.tenantId();
        this.key = key;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    void value(String newValue) {
        this.value = newValue;
    }
}
