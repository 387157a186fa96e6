package io.edgefleet.edge.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff =
            new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new SplittableRandom(7));

    @Test
    void everyDelayStaysBetweenMinAndMax() {
        for (int i = 0; i < 1000; i++) {
            assertThat(backoff.nextDelay()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(30));
        }
    }

    @Test
    void theCeilingDoublesUntilItReachesMax() {
        assertThat(backoff.ceiling(0)).isEqualTo(500);
        assertThat(backoff.ceiling(1)).isEqualTo(1000);
        assertThat(backoff.ceiling(5)).isEqualTo(16_000);
        assertThat(backoff.ceiling(6)).isEqualTo(30_000);
        assertThat(backoff.ceiling(500)).isEqualTo(30_000);
    }

    @Test
    void delaysOfOneAttemptNeverExceedItsCeiling() {
        for (int attempt = 0; attempt < 10; attempt++) {
            long ceiling = backoff.ceiling(attempt);
            assertThat(backoff.nextDelay().toMillis()).isBetween(500L, ceiling);
        }
    }

    @Test
    void jitterSpreadsTheDelaysOfManyNodes() {
        Set<Long> late = new HashSet<>();
        for (int node = 0; node < 50; node++) {
            Backoff own = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new SplittableRandom(node));
            for (int i = 0; i < 9; i++) {
                own.nextDelay();
            }
            late.add(own.nextDelay().toMillis());
        }
        assertThat(late).hasSizeGreaterThan(40);
    }

    @Test
    void resetStartsOverAtTheMinimum() {
        for (int i = 0; i < 20; i++) {
            backoff.nextDelay();
        }

        backoff.reset();

        assertThat(backoff.attempts()).isZero();
        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void equalMinAndMaxGiveAFixedDelay() {
        Backoff fixed = new Backoff(Duration.ofMillis(200), Duration.ofMillis(200), new SplittableRandom());

        assertThat(fixed.nextDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(fixed.nextDelay()).isEqualTo(Duration.ofMillis(200));
    }
}
