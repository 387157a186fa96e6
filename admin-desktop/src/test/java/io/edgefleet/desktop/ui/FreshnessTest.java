package io.edgefleet.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FreshnessTest {

    @Test
    void staleDataIsMarkedNeverSilent() {
        Freshness freshness = new Freshness();
        assertThat(freshness.text().get()).isEqualTo("not loaded yet");
        freshness.updated(Instant.parse("2026-12-03T10:00:00Z"));
        assertThat(freshness.text().get()).startsWith("last updated ");
        freshness.staleProperty().set(true);
        assertThat(freshness.text().get())
                .startsWith("STALE: last updated ")
                .endsWith("(server unreachable, retrying)");
    }

    @Test
    void theBannerSaysWhyWhenTheNextRetryIsAndThatDataMayBeStale() {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        assertThat(ConnectionBanner.describe(
                        "Connection refused", Optional.of(now.plusSeconds(4)), Optional.of(now.minusSeconds(30)), now))
                .startsWith("Server unreachable (Connection refused): next retry in 4 s, last answer ")
                .endsWith("What is shown may be stale.");
    }
}
