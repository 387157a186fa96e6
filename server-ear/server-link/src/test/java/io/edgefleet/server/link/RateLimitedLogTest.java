package io.edgefleet.server.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RateLimitedLogTest {
    private final AtomicLong now = new AtomicLong();
    private final RateLimitedLog log = new RateLimitedLog(
            LoggerFactory.getLogger(RateLimitedLogTest.class), "EF9999", 3, Duration.ofMinutes(1), now::get);

    @Test
    void aFloodWritesOnlyTheBudgetAndCountsTheRest() {
        int written = 0;
        for (int i = 0; i < 1000; i++) {
            if (log.warn("EF9999 flood line {}", i)) {
                written++;
            }
        }

        assertThat(written).isEqualTo(3);
        assertThat(log.suppressed()).isEqualTo(997);
    }

    @Test
    void theNextWindowStartsWithAFreshBudget() {
        for (int i = 0; i < 10; i++) {
            log.warn("EF9999 line {}", i);
        }
        now.addAndGet(Duration.ofSeconds(61).toNanos());

        log.flush();

        assertThat(log.suppressed()).isZero();
        assertThat(log.warn("EF9999 after the window")).isTrue();
    }
}
