package io.edgefleet.server.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenCheckTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(60);

    @Test
    void unusedUnexpiredTokenIsUsable() {
        assertThat(TokenCheck.check(Optional.empty(), LATER, Optional.empty(), "edge-1", NOW))
                .isInstanceOf(TokenCheck.Verdict.Usable.class);
        assertThat(TokenCheck.check(Optional.empty(), LATER, Optional.of("edge-1"), "edge-1", NOW))
                .isInstanceOf(TokenCheck.Verdict.Usable.class);
    }

    @Test
    void usedTokenIsRefusedEvenWhenAlsoExpired() {
        assertThat(TokenCheck.check(Optional.of(NOW.minusSeconds(5)), NOW.minusSeconds(1), Optional.empty(), "a", NOW))
                .isEqualTo(new TokenCheck.Verdict.Used(NOW.minusSeconds(5)));
    }

    @Test
    void tokenExpiresAtItsExpiryInstant() {
        assertThat(TokenCheck.check(Optional.empty(), NOW, Optional.empty(), "a", NOW))
                .isEqualTo(new TokenCheck.Verdict.Expired(NOW));
    }

    @Test
    void boundTokenEnrollsOnlyItsNode() {
        assertThat(TokenCheck.check(Optional.empty(), LATER, Optional.of("edge-1"), "edge-2", NOW))
                .isEqualTo(new TokenCheck.Verdict.WrongNode("edge-1"));
    }

    @Test
    void defaultLifetimeIsOneDayAndAtMostThirtyDays() {
        EnrollmentSettings settings =
                EnrollmentSettings.from(io.edgefleet.server.config.SettingsReader.of(key -> Optional.empty()));

        assertThat(settings.defaultTtl()).hasDays(1);
        assertThat(EnrollmentSettings.MAX_TTL).hasDays(30);
    }

    @Test
    void enrollmentRequestNeverPrintsTheToken() {
        EnrollmentRequest request = new EnrollmentRequest(
                Optional.of("eft_secret-token-value"),
                Optional.of("edge-1"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        assertThat(request.toString()).doesNotContain("secret-token-value").contains("edge-1");
    }
}
