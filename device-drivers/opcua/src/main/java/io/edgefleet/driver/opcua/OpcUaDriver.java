package io.edgefleet.driver.opcua;

import io.edgefleet.driver.ConfigCheck;
import io.edgefleet.driver.ConfigValidation;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DeviceDriver;
import io.edgefleet.driver.DriverSession;

/**
 * Protocol {@code opcua}: a device is an OPC UA server, each property one of its variables.
 *
 * <p>Connection config: {@code endpoint-url} (required, {@code opc.tcp://host:port/path}; the
 * driver connects to this host and port even when the server advertises another name), {@code
 * security-policy} ({@code none}, the only one supported so far), {@code username} and {@code
 * password} (optional; anonymous without them; the password is never logged or echoed).
 *
 * <p>Property visitor: {@code node-id} (required, e.g. {@code ns=2;s=Temperature}); for ENUM
 * properties held as numbers, {@code enum-codes} lists the code of each symbol in symbol order
 * (default 0, 1, 2, …). See {@link OpcUaValues} for the type mapping.
 *
 * <p>Timeouts: {@code connect} bounds endpoint discovery and session creation, {@code request}
 * every read, write and subscription call.
 */
public final class OpcUaDriver implements DeviceDriver {
    /** The protocol name devices use. */
    public static final String PROTOCOL = "opcua";

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public ConfigValidation validate(DeviceConnection connection) {
        ConfigCheck check = ConfigCheck.forConnection(connection, PROTOCOL);
        OpcUaSettings.read(check, connection);
        return check.result();
    }

    @Override
    public DriverSession open(DeviceConnection connection) {
        ConfigCheck check = ConfigCheck.forConnection(connection, PROTOCOL);
        OpcUaSettings settings = OpcUaSettings.read(check, connection);
        check.throwIfInvalid();
        return OpcUaSession.open(connection, settings);
    }
}
