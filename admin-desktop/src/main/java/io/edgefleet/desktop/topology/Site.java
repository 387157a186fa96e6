package io.edgefleet.desktop.topology;

import java.util.List;

/** The nodes that share a {@code site} label; name "" holds the nodes without one. */
public record Site(String name, List<NodeSummary> nodes) {
    public Site {
        nodes = List.copyOf(nodes);
    }

    public String displayName() {
        return name.isEmpty() ? "(no site)" : name;
    }

    public DeviceCounts devices() {
        return nodes.stream().map(NodeSummary::devices).reduce(DeviceCounts.NONE, DeviceCounts::plus);
    }

    public long count(NodeHealth health) {
        return nodes.stream().filter(n -> n.health() == health).count();
    }
}
