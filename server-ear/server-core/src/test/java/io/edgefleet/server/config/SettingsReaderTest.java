package io.edgefleet.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {

    private static SettingsReader of(Map<String, String> values) {
        return SettingsReader.of(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void unsetOrBlankValuesFallBackToTheDefault() {
        SettingsReader settings = of(Map.of("fleet.a", "  "));

        assertThat(settings.string("fleet.a")).isEmpty();
        assertThat(settings.number("fleet.a", 7, 0, 10)).isEqualTo(7);
        assertThat(settings.bool("fleet.missing", true)).isTrue();
    }

    @Test
    void valuesAreParsedAndTrimmed() {
        SettingsReader settings = of(Map.of("fleet.n", " 42 ", "fleet.b", "FALSE", "fleet.s", "10"));

        assertThat(settings.integer("fleet.n", 1, 0, 100)).isEqualTo(42);
        assertThat(settings.bool("fleet.b", true)).isFalse();
        assertThat(settings.seconds("fleet.s", 1, 1, 60)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void badValueNamesTheKeyAndTheEnvironmentVariable() {
        SettingsReader settings =
                of(Map.of("fleet.lease.seconds", "soon", "fleet.port", "70000", "fleet.flag", "maybe"));

        assertThatThrownBy(() -> settings.number("fleet.lease.seconds", 35, 2, 100))
                .hasMessageContaining("EF1008")
                .hasMessageContaining("fleet.lease.seconds")
                .hasMessageContaining("FLEET_LEASE_SECONDS");
        assertThatThrownBy(() -> settings.integer("fleet.port", 1, 0, 65_535)).hasMessageContaining("between");
        assertThatThrownBy(() -> settings.bool("fleet.flag", true)).hasMessageContaining("true or false");
    }

    @Test
    void environmentNameReplacesDotsAndDashes() {
        assertThat(SettingsReader.envName("fleet.mqtt.edge.url")).isEqualTo("FLEET_MQTT_EDGE_URL");
        assertThat(SettingsReader.envName("fleet.db-url")).isEqualTo("FLEET_DB_URL");
    }

    @Test
    void pathsAreAbsolute() {
        assertThat(of(Map.of()).path("fleet.data.dir", Path.of("data"))).isAbsolute();
    }
}
