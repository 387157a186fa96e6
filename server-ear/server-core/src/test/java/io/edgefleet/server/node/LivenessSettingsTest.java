package io.edgefleet.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgefleet.server.config.SettingsReader;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LivenessSettingsTest {

    private static LivenessSettings of(Map<String, String> values) {
        return LivenessSettings.from(SettingsReader.of(key -> Optional.ofNullable(values.get(key))));
    }

    @Test
    void defaultsAreTenSecondHeartbeatsAndAThirtyFiveSecondLease() {
        LivenessSettings settings = of(Map.of());

        assertThat(settings.heartbeat()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.lease()).isEqualTo(Duration.ofSeconds(35));
        assertThat(settings.sweepInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void sweepRunsAtLeastEveryQuarterLeaseButNotMoreThanOncePerSecond() {
        assertThat(of(Map.of("fleet.heartbeat.seconds", "1", "fleet.lease.seconds", "4"))
                        .sweepInterval())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(of(Map.of("fleet.heartbeat.seconds", "1", "fleet.lease.seconds", "12"))
                        .sweepInterval())
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void leaseMustOutlastTheHeartbeatInterval() {
        assertThatThrownBy(() -> of(Map.of("fleet.heartbeat.seconds", "10", "fleet.lease.seconds", "10")))
                .hasMessageContaining("lease");
    }
}
