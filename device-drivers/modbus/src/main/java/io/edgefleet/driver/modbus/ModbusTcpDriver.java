package io.edgefleet.driver.modbus;

import io.edgefleet.driver.ConfigCheck;
import io.edgefleet.driver.ConfigValidation;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DeviceDriver;
import io.edgefleet.driver.DriverSession;
import java.time.Clock;

/**
 * Protocol {@code modbus-tcp}: a Modbus TCP server (a PLC, a gateway to RTU units).
 *
 * <p>Connection config: {@code host} (required), {@code port} (502), {@code unit-id} (1; 0-255),
 * {@code word-order} and {@code byte-order} ({@code big} or {@code little}, default {@code big}:
 * the defaults of every property), {@code max-registers-per-read} (125; 4-125, for devices that
 * answer less per request). Timeouts come from the connection's {@link
 * io.edgefleet.driver.Timeouts}: connect for opening and each reconnect, request for each request.
 *
 * <p>Property visitor: {@code table} ({@code holding}, {@code input}, {@code coil}, {@code
 * discrete-input}; required), {@code address} (0-65535, as on the wire; required), {@code
 * data-type} ({@code int16}, {@code uint16}, {@code int32}, {@code uint32}, {@code float32},
 * {@code float64}, {@code bool}; default from the property type: INT int16, FLOAT float32, DOUBLE
 * float64, BOOL bool), {@code word-order}, {@code byte-order}, {@code scale} (FLOAT/DOUBLE only:
 * value = raw × scale). A READ_WRITE property in {@code input} or {@code discrete-input} is a
 * configuration error: the device cannot be written there.
 */
public final class ModbusTcpDriver implements DeviceDriver {
    /** The protocol name devices use. */
    public static final String PROTOCOL = "modbus-tcp";

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public ConfigValidation validate(DeviceConnection connection) {
        ConfigCheck check = ConfigCheck.forConnection(connection, PROTOCOL);
        ModbusConfig.tcp(check, connection);
        return check.result();
    }

    @Override
    public DriverSession open(DeviceConnection connection) {
        ConfigCheck check = ConfigCheck.forConnection(connection, PROTOCOL);
        ModbusDevice device = ModbusConfig.tcp(check, connection);
        check.throwIfInvalid();
        return ModbusSession.open(connection, device, Clock.systemUTC());
    }
}
