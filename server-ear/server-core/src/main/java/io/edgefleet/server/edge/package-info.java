/**
 * Edge traffic on the server side: the implementation of the server-link SPI and its wiring.
 *
 * <p>Start at {@link io.edgefleet.server.edge.EdgeTraffic} (what each upstream message does) and
 * {@link io.edgefleet.server.edge.EdgeLinkRunner} (embedded broker and MQTT link lifecycle). {@link
 * io.edgefleet.server.edge.LivenessTasks} writes coalesced heartbeats and sweeps leases; {@link
 * io.edgefleet.server.edge.KeyedSerialExecutor} keeps each node's messages in order.
 */
package io.edgefleet.server.edge;
