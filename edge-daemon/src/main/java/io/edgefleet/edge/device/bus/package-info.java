/**
 * The edge's local bus (DESIGN section 5; issue 4 item 7, the job of KubeEdge's EventBus): device
 * readings, states and twin deltas published, retained, on an MQTT broker on the same PC, and
 * desired values taken from workloads through the same path as the {@code set} command. Start at
 * {@link io.edgefleet.edge.device.bus.LocalBus} (the component, a {@link
 * io.edgefleet.edge.device.DeviceFeed}); {@link io.edgefleet.edge.device.bus.BusTopics} and {@link
 * io.edgefleet.edge.device.bus.BusPayloads} are the contract with workload authors
 * (docs/architecture/edge-daemon.md, "Local bus"), {@code BusState} the bounded queue where the
 * newest state per topic wins, {@code BusClient} the Paho connection, {@code SetHandler} one set
 * message.
 */
package io.edgefleet.edge.device.bus;
