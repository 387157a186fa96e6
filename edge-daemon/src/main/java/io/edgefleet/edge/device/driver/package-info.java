/**
 * Where the edge daemon's device drivers come from: start at {@link
 * io.edgefleet.edge.device.driver.DriverCatalog}. The simulated driver is built into the daemon; the
 * protocol drivers (Modbus, OPC UA, MQTT) are plug-ins, one directory each under {@code drivers/}
 * beside the daemon jar ({@link io.edgefleet.edge.device.driver.DriverPlugin}), each loaded in a class
 * loader of its own when the first device of one of its protocols opens (decision 0010).
 */
package io.edgefleet.edge.device.driver;
