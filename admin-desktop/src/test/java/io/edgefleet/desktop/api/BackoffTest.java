package io.edgefleet.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleUpToTheMaximumWithJitterAndResetAfterSuccess() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
        assertThat(backoff.nextDelay()).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(backoff.nextDelay()).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(backoff.nextDelay()).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        for (int i = 0; i < 30; i++) {
            assertThat(backoff.nextDelay()).isLessThanOrEqualTo(Duration.ofMillis(1000));
        }
        backoff.reset();
        assertThat(backoff.nextDelay()).isLessThanOrEqualTo(Duration.ofMillis(100));
    }
}
