package io.edgefleet.server.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BucketsTest {
    private static final Instant FROM = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void theRangeSplitsIntoBucketsRoundedUp() {
        Duration minute = Duration.ofMinutes(1);
        assertThat(Buckets.count(FROM, FROM.plusSeconds(60), minute)).isEqualTo(1);
        assertThat(Buckets.count(FROM, FROM.plusSeconds(61), minute)).isEqualTo(2);
        assertThat(Buckets.count(FROM, FROM.plusSeconds(600), minute)).isEqualTo(10);
        assertThat(Buckets.count(FROM, FROM.plusNanos(1_000), Duration.ofSeconds(1)))
                .isEqualTo(1);
    }

    @Test
    void aReadingFallsIntoTheBucketThatStartsAtOrBeforeIt() {
        Duration step = Duration.ofSeconds(10);
        assertThat(Buckets.index(FROM, step, FROM)).isZero();
        assertThat(Buckets.index(FROM, step, FROM.plusMillis(9_999))).isZero();
        assertThat(Buckets.index(FROM, step, FROM.plusSeconds(10))).isEqualTo(1);
        assertThat(Buckets.index(FROM, step, FROM.plusSeconds(95))).isEqualTo(9);
    }

    @Test
    void bucketsStartAtWholeStepsFromTheRangesStart() {
        Duration step = Duration.ofMillis(1_500);
        assertThat(Buckets.start(FROM, step, 0)).isEqualTo(FROM);
        assertThat(Buckets.start(FROM, step, 3)).isEqualTo(FROM.plusMillis(4_500));
        assertThat(Buckets.index(FROM, step, Buckets.start(FROM, step, 3))).isEqualTo(3);
    }
}
