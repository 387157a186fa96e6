package io.edgefleet.edge.device.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.edge.config.ConfigKey;
import io.edgefleet.edge.config.Secret;
import io.edgefleet.edge.testing.TestStores;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusSettingsTest {
    @TempDir
    Path dir;

    @Test
    void noUrlNoBus() {
        assertThat(BusSettings.of(TestStores.config(dir, Map.of()), "edge-1")).isEmpty();
    }

    @Test
    void theBusTakesUrlPrefixCredentialsAndTheReconnectTiming() {
        BusSettings settings = BusSettings.of(
                        TestStores.config(
                                dir,
                                Map.of(
                                        ConfigKey.LOCAL_BUS_URL, "tcp://127.0.0.1:1883",
                                        ConfigKey.LOCAL_BUS_PREFIX, "plant-7/",
                                        ConfigKey.LOCAL_BUS_USERNAME, "edge",
                                        ConfigKey.LOCAL_BUS_PASSWORD, "pw",
                                        ConfigKey.RECONNECT_MIN_MS, "100")),
                        "press-pc")
                .orElseThrow();

        assertThat(settings.url()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(settings.topics().prefix()).isEqualTo("plant-7/");
        assertThat(settings.clientId()).isEqualTo("edgefleet-edge-press-pc");
        assertThat(settings.username()).contains("edge");
        assertThat(settings.password()).map(Secret::reveal).contains("pw");
        assertThat(settings.reconnectMin().toMillis()).isEqualTo(100);
        assertThat(settings.toString()).doesNotContain("pw,").contains("****");
    }
}
