/**
 * The device contract shared by server and edge (DESIGN section 2, issue 4). Down, in {@code sync}:
 * {@link io.edgefleet.protocol.device.DesiredDevice} (resource {@code Device}: model, protocol,
 * connection, visitors, cycles) and {@link io.edgefleet.protocol.device.DesiredValues} (resource
 * {@code DeviceDesired}: the twin's desired values). Up: {@link
 * io.edgefleet.protocol.TwinReport} (reliable: reported values, device state, desired values set at
 * the edge) and {@link io.edgefleet.protocol.TelemetryBatch} (bounded, may drop oldest first).
 * Values travel as JSON values typed by the model's property type.
 */
package io.edgefleet.protocol.device;
