/**
 * The device driver SPI: what a protocol driver (simulated, Modbus TCP/RTU, OPC UA, MQTT devices)
 * offers the edge daemon's device manager, and the value types both sides share.
 *
 * <p>Start reading at {@link io.edgefleet.driver.DeviceDriver} (a protocol: validate a device's
 * configuration, open a session) and {@link io.edgefleet.driver.DriverSession} (read, write,
 * subscribe, report {@link io.edgefleet.driver.Quality quality} per value). A device is described
 * by a {@link io.edgefleet.driver.DeviceConnection}; values travel as {@link
 * io.edgefleet.driver.TypedValue}, one record per {@link io.edgefleet.driver.PropertyType}, so a
 * type mismatch is a visible {@link io.edgefleet.driver.WriteResult.Refused refusal} and never a
 * silent cast. {@link io.edgefleet.driver.Values} and {@link io.edgefleet.driver.ConfigCheck} hold
 * the conversions and checks every driver and the edge share; {@link io.edgefleet.driver.Drivers}
 * finds drivers with {@link java.util.ServiceLoader}.
 *
 * <p>Threading, for every type here: the device manager uses one session from one device worker
 * at a time, so a session need not be safe for concurrent reads and writes; it must however stay
 * correct while its own subscription threads run. Drivers, records and {@link
 * io.edgefleet.driver.Drivers} are immutable and thread-safe.
 *
 * <p>This package depends on the JDK only (the build enforces it): drivers bring their own
 * libraries, the edge daemon brings its own logging.
 */
package io.edgefleet.driver;
