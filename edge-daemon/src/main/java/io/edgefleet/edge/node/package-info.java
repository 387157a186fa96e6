/**
 * What this edge PC is and how the daemon tells the server: {@link io.edgefleet.edge.node.NodeFacts}
 * reads the machine's facts, {@link io.edgefleet.edge.node.NodeStatusReporter} queues a {@code
 * node-status} report through the outbox when they change.
 */
package io.edgefleet.edge.node;
