package io.edgefleet.server.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgefleet.server.config.SettingsReader;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelemetrySettingsTest {

    @Test
    void readingsAreKeptAWeekByDefault() {
        TelemetrySettings settings = TelemetrySettings.from(SettingsReader.of(key -> Optional.empty()));
        assertThat(settings.retention()).isEqualTo(Duration.ofHours(168));
        assertThat(settings.purgeInterval()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theRetentionIsSetInHours() {
        Map<String, String> values = Map.of(TelemetrySettings.RETENTION_HOURS, "24");
        TelemetrySettings settings =
                TelemetrySettings.from(SettingsReader.of(key -> Optional.ofNullable(values.get(key))));
        assertThat(settings.retention()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aRetentionOfZeroStopsTheStart() {
        Map<String, String> values = Map.of(TelemetrySettings.RETENTION_HOURS, "0");
        assertThatThrownBy(() -> TelemetrySettings.from(SettingsReader.of(key -> Optional.ofNullable(values.get(key)))))
                .hasMessageContaining("FLEET_READING_RETENTION_HOURS");
    }
}
