package io.edgefleet.driver;

/**
 * A device protocol: names itself, checks a device's configuration, and opens sessions to devices.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (see {@link Drivers}): they
 * need a public no-argument constructor and a {@code
 * META-INF/services/io.edgefleet.driver.DeviceDriver} entry. One driver instance serves every
 * device of its protocol on the node, from several threads at once, so it must be thread-safe;
 * per-device state belongs in the {@link DriverSession}.
 */
public interface DeviceDriver {

    /**
     * The protocol this driver speaks, as devices name it in their {@code protocol} field: lower-case
     * letters, digits and '-' ({@code simulated}, {@code modbus-tcp}, {@code modbus-rtu}, {@code
     * opcua}, {@code mqtt}). Constant for the life of the driver; no two loaded drivers may share it.
     */
    String protocol();

    /**
     * Checks a device's configuration without touching the device: connection settings, every
     * property's visitor, timeouts. Lists every problem it finds, not only the first, each naming
     * where it is ({@code config.port: …}, {@code property 'speed' visitor.register: …}), so an
     * engineer fixes a device in one round. Never throws for bad input; never echoes secret values
     * (see {@link ConfigCheck}).
     */
    ConfigValidation validate(DeviceConnection connection);

    /**
     * Opens a session to the device: validates the configuration, connects within {@link
     * Timeouts#connect()}, and returns a session in state {@link SessionState#CONNECTED}.
     *
     * <p>The caller owns the session and must close it. The device manager retries a failed open
     * with its own backoff, so this method tries once and does not loop.
     *
     * @throws DriverException with code {@link DriverException#INVALID_CONFIG} if {@link
     *     #validate} finds problems, {@link DriverException#UNREACHABLE} if the peer cannot be
     *     reached or refuses the connection, {@link DriverException#TIMEOUT} if it does not answer
     *     within the connect timeout
     */
    DriverSession open(DeviceConnection connection);
}
