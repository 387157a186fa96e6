package io.edgefleet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriversTest {

    /** A driver that only names a protocol and validates with the shared checks: Drivers is under test. */
    private record NamedDriver(String protocol) implements DeviceDriver {
        @Override
        public ConfigValidation validate(DeviceConnection connection) {
            return ConfigCheck.forConnection(connection, protocol).result();
        }

        @Override
        public DriverSession open(DeviceConnection connection) {
            throw DriverException.unreachable(connection.device(), "nothing listens in this test");
        }
    }

    @Test
    void driverIsFoundByItsProtocol() {
        Drivers drivers = Drivers.of(List.of(new NamedDriver("opcua"), new NamedDriver("modbus-tcp")));

        assertThat(drivers.find("opcua")).contains(new NamedDriver("opcua"));
        assertThat(drivers.find("bacnet")).isEmpty();
        assertThat(drivers.protocols()).containsExactly("modbus-tcp", "opcua");
    }

    @Test
    void twoDriversClaimingOneProtocolAreRefused() {
        assertThatThrownBy(() -> Drivers.of(List.of(new NamedDriver("opcua"), new NamedDriver("opcua"))))
                .isInstanceOfSatisfying(DriverException.class, e -> {
                    assertThat(e.code()).isEqualTo(DriverException.DUPLICATE_PROTOCOL);
                    assertThat(e.getMessage()).contains("'opcua'");
                });
    }

    @Test
    void driverWithAnInvalidProtocolNameIsRefused() {
        assertThatThrownBy(() -> Drivers.of(List.of(new NamedDriver("Modbus TCP"))))
                .isInstanceOfSatisfying(
                        DriverException.class, e -> assertThat(e.code()).isEqualTo(DriverException.DRIVER_LOAD_FAILED));
    }

    @Test
    void openingADeviceOfAnUnknownProtocolNamesTheInstalledOnes() {
        Drivers drivers = Drivers.of(List.of(new NamedDriver("opcua")));
        DeviceConnection device = new DeviceConnection("press-1", "bacnet", Map.of(), List.of());

        assertThatThrownBy(() -> drivers.open(device)).isInstanceOfSatisfying(DriverException.class, e -> {
            assertThat(e.code()).isEqualTo(DriverException.UNKNOWN_PROTOCOL);
            assertThat(e.hint()).contains("[opcua]");
        });
    }

    @Test
    void openingAnInvalidDeviceFailsBeforeTheDriverConnects() {
        Drivers drivers = Drivers.of(List.of(new NamedDriver("opcua")));
        DeviceConnection device = new DeviceConnection("Press 1", "opcua", Map.of(), List.of());

        assertThatThrownBy(() -> drivers.open(device))
                .isInstanceOfSatisfying(
                        DriverException.class, e -> assertThat(e.code()).isEqualTo(DriverException.INVALID_CONFIG));
    }

    @Test
    void loadingWithoutRegisteredDriversFindsNone() {
        // driver-api registers no driver of its own; the simulated module's tests cover a registered one.
        assertThat(Drivers.load().protocols()).isEmpty();
    }
}
