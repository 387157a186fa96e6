package io.edgefleet.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteCheckTest {
    private static final PropertyBinding TEMPERATURE =
            new PropertyBinding("temperature", PropertyType.DOUBLE, AccessMode.READ_ONLY, Map.of());
    private static final PropertyBinding SETPOINT = new PropertyBinding(
            "setpoint", PropertyType.INT, AccessMode.READ_WRITE, Map.of(), ValueConstraints.between(0, 100));
    private static final DeviceConnection DEVICE =
            new DeviceConnection("oven-1", "simulated", Map.of(), List.of(TEMPERATURE, SETPOINT));

    private static String refusal(WriteCheck check) {
        return check instanceof WriteCheck.Denied denied ? denied.refusal().code() : "allowed";
    }

    @Test
    void validWriteIsAllowed() {
        assertThat(WriteCheck.of(DEVICE, "setpoint", TypedValue.of(42L)))
                .isEqualTo(new WriteCheck.Allowed(SETPOINT, TypedValue.of(42L)));
    }

    @Test
    void writesAreRefusedInAFixedOrderOfChecks() {
        assertThat(refusal(WriteCheck.of(DEVICE, "pressure", TypedValue.of(1L))))
                .isEqualTo("unknown-property");
        assertThat(refusal(WriteCheck.of(DEVICE, "temperature", TypedValue.of("hot"))))
                .isEqualTo("read-only");
        assertThat(refusal(WriteCheck.of(DEVICE, "setpoint", TypedValue.of(42.0))))
                .isEqualTo("wrong-type");
        assertThat(refusal(WriteCheck.of(DEVICE, "setpoint", TypedValue.of(101L))))
                .isEqualTo("out-of-range");
    }
}
