package io.edgefleet.desktop.topology;

/** What one row of the topology tree shows. */
public sealed interface TopologyEntry {
    record TenantEntry(String tenant) implements TopologyEntry {}

    record SiteEntry(Site site) implements TopologyEntry {}

    record NodeEntry(NodeSummary node) implements TopologyEntry {}

    record DeviceEntry(DeviceSummary device) implements TopologyEntry {}

    /** "loading devices…" under a node until its devices arrive. */
    record Placeholder(String text) implements TopologyEntry {}
}
