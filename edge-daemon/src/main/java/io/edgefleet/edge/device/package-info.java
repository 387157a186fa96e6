/**
 * The edge daemon's devices (DESIGN section 5, issue 4): start at {@link
 * io.edgefleet.edge.device.DeviceManager} (one {@link io.edgefleet.edge.device.DeviceWorker} and
 * driver session per desired device, started from the store before the link), then {@link
 * io.edgefleet.edge.device.DesiredWrites} (desired values written and read back) and {@link
 * io.edgefleet.edge.device.EdgeChange} (decision 0005 for values set at the edge). Sync appliers
 * ({@link io.edgefleet.edge.device.DeviceApplier}, {@link
 * io.edgefleet.edge.device.DesiredValuesApplier}) write the desired tables; {@link
 * io.edgefleet.edge.device.DeviceTable} and {@link io.edgefleet.edge.device.TwinTable} hold the SQL;
 * the {@code devices}, {@code twin} and {@code set} commands read and write the store without the
 * daemon.
 */
package io.edgefleet.edge.device;
