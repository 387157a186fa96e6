package io.edgefleet.server.node;

/** A node as the REST API shows it, Kubernetes-shaped (DESIGN section 2). */
public record Node(NodeMetadata metadata, NodeSpec spec, NodeStatus status) {

    static Node of(NodeEntity entity, String tenant) {
        return new Node(
                new NodeMetadata(
                        entity.name(),
                        tenant,
                        entity.labels(),
                        entity.resourceVersion(),
                        entity.generation(),
                        entity.createdAt(),
                        entity.updatedAt()),
                new NodeSpec(),
                new NodeStatus(
                        entity.phase(),
                        entity.lastSeen(),
                        entity.agentVersion(),
                        entity.os(),
                        entity.arch(),
                        entity.hostname(),
                        entity.cpus(),
                        entity.memoryMb(),
                        entity.appliedVersion(),
                        entity.outboxDepth(),
                        entity.conditions()));
    }

    /** The value of the ETag header: the resourceVersion, quoted. */
    public String etag() {
        return "\"" + metadata.resourceVersion() + "\"";
    }
}
