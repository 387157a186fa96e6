package io.edgefleet.driver.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgefleet.driver.ConfigValidation;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DriverException;
import io.edgefleet.driver.Drivers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RTU configuration and opening, without a serial line (the line itself is tested in ModbusRtuContractIT). */
class ModbusRtuDriverTest {

    @Test
    void aGoodSerialConfigurationIsValid() {
        DeviceConnection connection = rtu(Map.of(
                "serial-port", "/dev/ttyUSB0", "baud", "19200", "parity", "even", "stop-bits", "1", "unit-id", "17"));

        assertThat(new ModbusRtuDriver().validate(connection)).isEqualTo(new ConfigValidation.Valid());
    }

    @Test
    void everySerialProblemIsListed() {
        DeviceConnection connection = rtu(Map.of(
                "baud", "fast", "data-bits", "9", "parity", "evn", "stop-bits", "3", "unit-id", "0", "host", "x"));

        assertThat(new ModbusRtuDriver().validate(connection).problems())
                .anyMatch(p -> p.startsWith("config.serial-port: required"))
                .anyMatch(p -> p.startsWith("config.baud:"))
                .anyMatch(p -> p.startsWith("config.data-bits:"))
                .anyMatch(p -> p.startsWith("config.parity: expected one of"))
                .anyMatch(p -> p.startsWith("config.stop-bits: expected one of"))
                .anyMatch(p -> p.startsWith("config.unit-id:"))
                .anyMatch(p -> p.startsWith("config.host: unknown key"));
    }

    @Test
    void aMissingSerialPortIsUnreachable() {
        DeviceConnection connection = rtu(Map.of("serial-port", "/nonexistent/ttyEdgeFleet"));

        assertThatThrownBy(() -> new ModbusRtuDriver().open(connection))
                .isInstanceOfSatisfying(DriverException.class, e -> {
                    assertThat(e.code()).isEqualTo(DriverException.UNREACHABLE);
                    assertThat(e.getMessage()).contains("/nonexistent/ttyEdgeFleet");
                });
    }

    @Test
    void bothProtocolsAreFoundByServiceLoader() {
        assertThat(Drivers.load().find("modbus-rtu")).get().isInstanceOf(ModbusRtuDriver.class);
        assertThat(Drivers.load().find("modbus-tcp")).get().isInstanceOf(ModbusTcpDriver.class);
    }

    private static DeviceConnection rtu(Map<String, String> config) {
        return new DeviceConnection("line-1", ModbusRtuDriver.PROTOCOL, config, Plant.PROPERTIES, Plant.TIMEOUTS);
    }
}
