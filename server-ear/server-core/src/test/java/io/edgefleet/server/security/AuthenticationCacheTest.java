package io.edgefleet.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.server.tenant.TenantRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuthenticationCacheTest {
    private static final Caller ALICE = new Caller("alice", new TenantRef(1, "default"), Role.VIEWER);

    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final AuthenticationCache cache = new AuthenticationCache(Duration.ofSeconds(60), clock);

    @Test
    void aVerifiedPasswordIsRememberedUntilItExpires() {
        cache.put("alice", "secret", ALICE);

        assertThat(cache.get("alice", "secret")).contains(ALICE);
        clock.now = clock.now.plusSeconds(60);
        assertThat(cache.get("alice", "secret")).isEmpty();
    }

    @Test
    void anotherPasswordNeverHitsTheCache() {
        cache.put("alice", "secret", ALICE);

        assertThat(cache.get("alice", "guess")).isEmpty();
        assertThat(cache.get("bob", "secret")).isEmpty();
    }

    @Test
    void invalidatingAUserForgetsAllTheirEntries() {
        cache.put("alice", "secret", ALICE);

        cache.invalidate("alice");

        assertThat(cache.get("alice", "secret")).isEmpty();
    }
}
