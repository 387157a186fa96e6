package io.edgefleet.driver.modbus;

import io.edgefleet.driver.ConfigCheck;
import io.edgefleet.driver.ConfigValidation;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DeviceDriver;
import io.edgefleet.driver.DriverSession;
import java.time.Clock;

/**
 * Protocol {@code modbus-rtu}: a Modbus RTU unit on a serial line (RS-485/RS-232 adapter, or a pty).
 *
 * <p>Connection config: {@code serial-port} (the device path, required), {@code baud} (9600),
 * {@code data-bits} (8; 5-8), {@code parity} ({@code none}, {@code even}, {@code odd}, {@code
 * mark}, {@code space}; default none), {@code stop-bits} ({@code 1}, {@code 1.5}, {@code 2};
 * default 1), {@code unit-id} (1; 1-247), {@code word-order}, {@code byte-order}, {@code
 * max-registers-per-read}, as for {@link ModbusTcpDriver}. The property visitor is the same as
 * {@link ModbusTcpDriver}'s. Opening fails with {@code unreachable} when the port cannot be opened;
 * a unit that does not answer shows as ERROR readings and {@code timeout} refusals.
 */
public final class ModbusRtuDriver implements DeviceDriver {
    /** The protocol name devices use. */
    public static final String PROTOCOL = "modbus-rtu";

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public ConfigValidation validate(DeviceConnection connection) {
        ConfigCheck check = ConfigCheck.forConnection(connection, PROTOCOL);
        ModbusConfig.rtu(check, connection);
        return check.result();
    }

    @Override
    public DriverSession open(DeviceConnection connection) {
        ConfigCheck check = ConfigCheck.forConnection(connection, PROTOCOL);
        ModbusDevice device = ModbusConfig.rtu(check, connection);
        check.throwIfInvalid();
        return ModbusSession.open(connection, device, Clock.systemUTC());
    }
}
