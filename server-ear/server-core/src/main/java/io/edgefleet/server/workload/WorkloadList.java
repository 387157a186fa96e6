package io.edgefleet.server.workload;

import io.edgefleet.server.resource.ListMeta;
import java.util.List;

/** A page of workloads in name order. */
public record WorkloadList(List<Workload> items, ListMeta metadata) {
    public WorkloadList {
        items = List.copyOf(items);
    }
}
