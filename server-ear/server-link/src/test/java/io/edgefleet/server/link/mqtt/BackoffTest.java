package io.edgefleet.server.link.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));

    @Test
    void delayDoublesPerAttemptWithinTheUpperHalf() {
        assertThat(backoff.delay(1, () -> 0.0)).isEqualTo(Duration.ofMillis(50));
        assertThat(backoff.delay(1, () -> 0.999)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(backoff.delay(3, () -> 0.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delay(3, () -> 0.999)).isBetween(Duration.ofMillis(399), Duration.ofMillis(400));
    }

    @Test
    void delayNeverExceedsTheCapEvenAfterManyAttempts() {
        assertThat(backoff.delay(10, () -> 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(10_000, () -> 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(10_000, () -> 0.0)).isEqualTo(Duration.ofSeconds(1));
    }
}
