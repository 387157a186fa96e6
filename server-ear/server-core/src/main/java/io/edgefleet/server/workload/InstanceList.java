package io.edgefleet.server.workload;

import io.edgefleet.server.resource.ListMeta;
import java.util.List;

/** A page of a workload's instances in node-name order. */
public record InstanceList(List<Instance> items, ListMeta metadata) {
    public InstanceList {
        items = List.copyOf(items);
    }
}
