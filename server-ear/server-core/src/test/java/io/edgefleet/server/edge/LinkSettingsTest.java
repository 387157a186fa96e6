package io.edgefleet.server.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgefleet.server.config.ServerSettings;
import io.edgefleet.server.config.SettingsReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkSettingsTest {
    private static final ServerSettings SERVER = new ServerSettings(Path.of("/var/lib/edgefleet"));

    private static LinkSettings of(Map<String, String> values) {
        return LinkSettings.from(SettingsReader.of(key -> Optional.ofNullable(values.get(key))), SERVER);
    }

    @Test
    void defaultsToTheEmbeddedBrokerOnLoopback() {
        LinkSettings settings = of(Map.of());

        assertThat(settings.embedded()).isTrue();
        assertThat(settings.brokerHost()).isEqualTo("127.0.0.1");
        assertThat(settings.brokerPort()).isEqualTo(11883);
        assertThat(settings.brokerDataDir()).isEqualTo(Path.of("/var/lib/edgefleet/broker"));
        assertThat(settings.embeddedUrl(11883)).isEqualTo("tcp://127.0.0.1:11883");
    }

    @Test
    void externalBrokerNeedsAUrl() {
        assertThatThrownBy(() -> of(Map.of("fleet.mqtt.embedded", "false"))).hasMessageContaining("FLEET_MQTT_URL");

        LinkSettings settings = of(Map.of("fleet.mqtt.embedded", "false", "fleet.mqtt.url", "tcp://broker:1883"));
        assertThat(settings.url()).contains("tcp://broker:1883");
    }

    @Test
    void serverReachesAWildcardBoundBrokerOnLoopback() {
        assertThat(of(Map.of("fleet.mqtt.host", "0.0.0.0")).embeddedUrl(1234)).isEqualTo("tcp://127.0.0.1:1234");
        assertThat(of(Map.of("fleet.mqtt.host", "::1")).embeddedUrl(1234)).isEqualTo("tcp://[::1]:1234");
    }

    @Test
    void toStringNeverShowsThePassword() {
        LinkSettings settings = of(Map.of(
                "fleet.mqtt.embedded", "false",
                "fleet.mqtt.url", "tcp://broker:1883",
                "fleet.mqtt.password", "s3cret-value"));

        assertThat(settings.toString()).doesNotContain("s3cret-value").contains("(set)");
    }
}
