package io.edgefleet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitTest {

    @Test
    void returnsAsSoonAsTheConditionHoldsWithTheTimeItTook() {
        AtomicInteger polls = new AtomicInteger();

        Duration took = Wait.until(
                "three polls", Duration.ofSeconds(5), Duration.ofMillis(1), () -> polls.incrementAndGet() >= 3);

        assertThat(polls).hasValue(3);
        assertThat(took).isPositive().isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aConditionThatAlreadyHoldsIsNotPolledAgain() {
        AtomicInteger polls = new AtomicInteger();

        Wait.until("anything", () -> polls.incrementAndGet() > 0);

        assertThat(polls).hasValue(1);
    }

    @Test
    void timeoutFailsNamingWhatWasAwaited() {
        assertThatThrownBy(() -> Wait.until("the impossible", Duration.ofMillis(50), () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("timed out after 50 ms waiting for the impossible");
    }

    @Test
    void interruptFailsAndKeepsTheInterruptFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Wait.until("a while", Duration.ofSeconds(1), () -> false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("interrupted while waiting for a while");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anExceptionFromTheConditionEndsTheWait() {
        assertThatThrownBy(() -> Wait.until("a broken condition", () -> {
                    throw new IllegalArgumentException("broken");
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("broken");
    }
}
