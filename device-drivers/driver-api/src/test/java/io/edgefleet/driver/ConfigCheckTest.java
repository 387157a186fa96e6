package io.edgefleet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigCheckTest {
    private static final PropertyBinding TEMPERATURE =
            new PropertyBinding("temperature", PropertyType.DOUBLE, AccessMode.READ_ONLY, Map.of());

    private static DeviceConnection device(Map<String, String> config, PropertyBinding... properties) {
        return new DeviceConnection("press-1", "modbus-tcp", config, List.of(properties));
    }

    @Test
    void goodConfigurationHasNoProblems() {
        ConfigCheck check = ConfigCheck.forConnection(
                device(Map.of("host", "10.0.0.7", "port", "502", "secure", "true", "poll-ms", "250"), TEMPERATURE),
                "modbus-tcp");
        ConfigCheck.Section config = check.config();

        assertThat(config.requiredText("host")).contains("10.0.0.7");
        assertThat(config.integer("port", 1, 1, 65535)).isEqualTo(502);
        assertThat(config.bool("secure", false)).isTrue();
        assertThat(config.millis("poll-ms", Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isEqualTo(Duration.ofMillis(250));
        assertThat(config.number("scale", 1.5)).isEqualTo(1.5);
        config.allowOnly(Set.of("host", "port", "secure", "poll-ms"));
        assertThat(check.result()).isEqualTo(new ConfigValidation.Valid());
    }

    @Test
    void everyProblemIsListedWithWhereItIs() {
        PropertyBinding mode = new PropertyBinding("mode", PropertyType.ENUM, AccessMode.READ_WRITE, Map.of());
        PropertyBinding flag = new PropertyBinding(
                "flag", PropertyType.BOOL, AccessMode.READ_ONLY, Map.of(), ValueConstraints.between(0, 1));
        PropertyBinding level = new PropertyBinding(
                "level",
                PropertyType.INT,
                AccessMode.READ_ONLY,
                Map.of("register", "abc"),
                new ValueConstraints(Optional.of(BigDecimal.TEN), Optional.of(BigDecimal.ONE), List.of()));
        DeviceConnection connection = new DeviceConnection(
                "Press 1",
                "modbus-rtu",
                Map.of("port", "70000", "prot", "x", "secure", "maybe"),
                List.of(
                        TEMPERATURE,
                        TEMPERATURE,
                        mode,
                        flag,
                        level,
                        new PropertyBinding("bad/name", PropertyType.INT, AccessMode.READ_ONLY, Map.of())));

        ConfigCheck check = ConfigCheck.forConnection(connection, "modbus-tcp");
        check.config().requiredText("host");
        check.config().integer("port", 502, 1, 65535);
        check.config().bool("secure", false);
        check.config().allowOnly(Set.of("host", "port", "secure"));
        check.visitor(level).integer("register", 0, 0, 65535);

        assertThat(check.result())
                .isInstanceOfSatisfying(ConfigValidation.Invalid.class, invalid -> assertThat(invalid.problems())
                        .containsExactly(
                                "protocol: this driver speaks 'modbus-tcp', the device names 'modbus-rtu'",
                                "device: 'Press 1' is not a valid name: use 1-63 lower-case letters, digits or '-',"
                                        + " starting and ending with a letter or digit",
                                "property 'temperature': declared more than once",
                                "property 'mode': an ENUM property lists its symbols",
                                "property 'flag': min and max apply to numeric properties only, this one is BOOL",
                                "property 'level': min 10 is above max 1",
                                "property 'bad/name': not a valid property name: use 1-63 letters, digits, '_', '.'"
                                        + " or '-', starting with a letter or digit",
                                "config.host: required",
                                "config.port: expected a whole number in [1, 65535], got '70000'",
                                "config.secure: expected true or false, got 'maybe'",
                                "config.prot: unknown key (known: [host, port, secure])",
                                "property 'level' visitor.register: expected a whole number in [0, 65535], got 'abc'"));
    }

    @Test
    void secretValuesAreNeverEchoed() {
        DeviceConnection connection = device(Map.of("password", "hunter2-secret", "api-token", "tok-123"), TEMPERATURE);
        ConfigCheck check = ConfigCheck.forConnection(connection, "modbus-tcp");

        check.config().integer("password", 0, 0, 10);
        check.config().bool("api-token", false);

        assertThat(check.problems())
                .hasSize(2)
                .allSatisfy(p -> assertThat(p).contains("(value not shown)").doesNotContain("hunter2", "tok-123"));
        assertThat(connection.toString()).doesNotContain("hunter2", "tok-123").contains("password=***");
    }

    @Test
    void valueOfAPropertyIsTypedAndRangeChecked() {
        PropertyBinding setpoint = new PropertyBinding(
                "setpoint",
                PropertyType.INT,
                AccessMode.READ_WRITE,
                Map.of("initial", "12", "fallback", "500"),
                ValueConstraints.between(0, 100));
        ConfigCheck check = ConfigCheck.forConnection(device(Map.of(), setpoint), "modbus-tcp");

        assertThat(check.visitor(setpoint).value("initial", setpoint)).contains(TypedValue.of(12L));
        assertThat(check.visitor(setpoint).value("fallback", setpoint)).isEmpty();
        assertThat(check.problems())
                .containsExactly(
                        "property 'setpoint' visitor.fallback: property 'setpoint': 500 is outside [0.0, 100.0]");
    }

    @Test
    void invalidCheckThrowsWithEveryProblem() {
        ConfigCheck check = ConfigCheck.forConnection(device(Map.of()), "opcua");
        check.config().requiredText("endpoint");

        assertThatThrownBy(check::throwIfInvalid).isInstanceOfSatisfying(DriverException.class, e -> {
            assertThat(e.code()).isEqualTo(DriverException.INVALID_CONFIG);
            assertThat(e.httpStatus()).isEqualTo(422);
            assertThat(e.getMessage()).contains("protocol:", "config.endpoint: required");
        });
    }
}
