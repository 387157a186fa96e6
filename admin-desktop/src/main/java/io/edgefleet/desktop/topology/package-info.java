/**
 * The topology view: tenant → sites → nodes → devices with live status and counts, a label filter, and
 * a drawn map of the selected site. {@link io.edgefleet.desktop.topology.TopologyViewModel} holds the
 * state (from {@code GET /api/v1/topology}, kept live by the nodes and devices watches); {@link
 * io.edgefleet.desktop.topology.TopologyView} shows it in a virtualised TreeView beside {@link
 * io.edgefleet.desktop.topology.SiteMap}, a Canvas. Health: a node is Degraded when it is Online but
 * some of its devices are Offline ({@link io.edgefleet.desktop.topology.NodeHealth}, a client-side
 * derivation).
 */
package io.edgefleet.desktop.topology;
