package io.edgefleet.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void sameSubjectIsLetThroughOncePerInterval() {
        ManualClock clock = new ManualClock();
        Throttle throttle = new Throttle(Duration.ofMinutes(5), clock);

        assertThat(throttle.allow("default/a")).isTrue();
        assertThat(throttle.allow("default/a")).isFalse();
        assertThat(throttle.allow("default/b")).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThat(throttle.allow("default/a")).isTrue();
    }
}
