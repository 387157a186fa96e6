package io.edgefleet.protocol;

import io.edgefleet.protocol.workload.InstanceStatus;
import java.util.List;
import java.util.Objects;

/**
 * Upstream, reliable: workload instances of the node whose state changed, oldest change first.
 * The server stores the latest state per (workload, node); the edge batches changes that happen
 * close together, and never drops one (it goes through the outbox).
 */
public record WorkloadStatusReport(List<InstanceStatus> instances) implements MessageBody {
    public WorkloadStatusReport {
        instances = List.copyOf(Objects.requireNonNull(instances, "instances"));
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("a workload status report carries at least one instance");
        }
    }
}
