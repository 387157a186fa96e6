package io.edgefleet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadingTest {
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void qualityDecidesWhatAReadingCarries() {
        assertThat(Reading.good("t", TypedValue.of(1.5), NOW).error()).isEmpty();
        assertThat(Reading.stale("t", TypedValue.of(1.5), NOW, "reconnecting").value())
                .isPresent();
        assertThat(Reading.error("t", "timeout", NOW).value()).isEmpty();
    }

    @Test
    void inconsistentReadingsCannotBeBuilt() {
        assertThatThrownBy(() -> new Reading("t", Optional.empty(), Quality.GOOD, NOW, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reading("t", Optional.empty(), Quality.STALE, NOW, Optional.of("gone")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new Reading("t", Optional.of(TypedValue.of(1L)), Quality.ERROR, NOW, Optional.of("bad")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reading("t", Optional.empty(), Quality.ERROR, NOW, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyDeviceSideRefusalsAreRetryable() {
        assertThat(new WriteResult.Refused(WriteResult.Refused.TIMEOUT, "no answer").isRetryable())
                .isTrue();
        assertThat(new WriteResult.Refused(WriteResult.Refused.NOT_CONNECTED, "gone").isRetryable())
                .isTrue();
        assertThat(new WriteResult.Refused(WriteResult.Refused.READ_ONLY, "ro").isRetryable())
                .isFalse();
        assertThat(new WriteResult.Refused("vendor-specific", "?").isRetryable())
                .isFalse();
    }
}
