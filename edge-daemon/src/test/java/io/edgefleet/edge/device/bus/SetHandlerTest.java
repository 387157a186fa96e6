package io.edgefleet.edge.device.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.edge.device.EdgeChange;
import io.edgefleet.edge.device.SetOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SetHandlerTest {
    private final List<String> calls = new ArrayList<>();
    private final SetHandler handler = new SetHandler((device, property, value, by) -> {
        calls.add(device + "." + property + "=" + value + " by " + by);
        return "temperature".equals(property)
                ? new SetOutcome.Refused("read-only", "property 'temperature' is ReadOnly")
                : new SetOutcome.Recorded(new EdgeChange(property, value, 0, by, Instant.EPOCH, false));
    });

    private List<SetResult> handle(String json) {
        return handler.handle("boiler-1", json.getBytes(StandardCharsets.UTF_8), "bus:hmi-1");
    }

    @Test
    void eachValueGoesThroughTheSetterOnItsOwn() {
        List<SetResult> results = handle("{\"temperature\": 10, \"setpoint\": 42}");

        assertThat(calls).containsExactly("boiler-1.temperature=10 by bus:hmi-1", "boiler-1.setpoint=42 by bus:hmi-1");
        assertThat(results)
                .containsExactly(
                        new SetResult(
                                Optional.of("temperature"),
                                false,
                                Optional.of("read-only"),
                                Optional.of("property 'temperature' is ReadOnly")),
                        new SetResult(Optional.of("setpoint"), true, Optional.empty(), Optional.empty()));
    }

    @Test
    void aMalformedMessageSetsNothing() {
        List<SetResult> results = handle("not json");
        assertThat(calls).isEmpty();
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.property()).isEmpty();
            assertThat(r.code()).contains(SetResult.INVALID_PAYLOAD);
        });
    }

    @Test
    void theClientNamesWhoSetTheValue() {
        assertThat(SetHandler.by(Optional.of("hmi-1"))).isEqualTo("bus:hmi-1");
        assertThat(SetHandler.by(Optional.of("line3.scada_2"))).isEqualTo("bus:line3.scada_2");
        assertThat(SetHandler.by(Optional.empty())).isEqualTo("bus:local");
        assertThat(SetHandler.by(Optional.of("has space")))
                .as("not a client name")
                .isEqualTo("bus:local");
        assertThat(SetHandler.by(Optional.of("x".repeat(65)))).isEqualTo("bus:local");
        assertThat(SetHandler.by(Optional.of(""))).isEqualTo("bus:local");
    }
}
