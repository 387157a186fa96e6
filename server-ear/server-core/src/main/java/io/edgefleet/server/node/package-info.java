/**
 * Edge nodes: the resource people see and relabel ({@link io.edgefleet.server.node.Nodes}), and what
 * edge traffic does to them ({@link io.edgefleet.server.node.NodeTraffic}: hello, reliable status under
 * {@link io.edgefleet.server.node.SequenceRule}, coalesced heartbeats, the lease sweep).
 *
 * <p>Labels are rows of {@code node_label}, so label selectors become SQL ({@link
 * io.edgefleet.server.node.SelectorQuery}); labels are patched with JSON Merge Patch ({@link
 * io.edgefleet.server.node.LabelPatch}).
 */
package io.edgefleet.server.node;
