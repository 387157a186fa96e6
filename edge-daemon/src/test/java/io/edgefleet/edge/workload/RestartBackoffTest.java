package io.edgefleet.edge.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {
    private final RestartBackoff backoff = RestartBackoff.DEFAULT;

    @Test
    void delayDoublesFromOneSecondUpToFiveMinutes() {
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delay(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.delay(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delay(1000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void quickExitsCountAsConsecutiveFailures() {
        int failures = 0;
        for (int i = 0; i < 4; i++) {
            failures = backoff.failuresAfter(failures, Duration.ofSeconds(3));
        }
        assertThat(failures).isEqualTo(4);
        assertThat(backoff.delay(failures)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void tenMinutesOfRunningResetsTheBackoff() {
        assertThat(backoff.failuresAfter(7, Duration.ofMinutes(10))).isEqualTo(1);
        assertThat(backoff.failuresAfter(7, Duration.ofMinutes(9))).isEqualTo(8);
    }
}
