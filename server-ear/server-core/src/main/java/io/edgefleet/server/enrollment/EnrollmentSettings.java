package io.edgefleet.server.enrollment;

import io.edgefleet.server.config.SettingsReader;
import java.time.Duration;

/**
 * Enrollment tokens.
 *
 * @param defaultTtl {@code fleet.enrollment.token.ttl.seconds} ({@code FLEET_ENROLLMENT_TOKEN_TTL_SECONDS},
 *     default 86,400): lifetime of a token created without {@code ttlSeconds}
 */
public record EnrollmentSettings(Duration defaultTtl) {
    public static final String TOKEN_TTL_SECONDS = "fleet.enrollment.token.ttl.seconds";

    /** A token living longer than this is a standing credential, not an enrollment token. */
    public static final Duration MAX_TTL = Duration.ofDays(30);

    public static EnrollmentSettings from(SettingsReader settings) {
        return new EnrollmentSettings(settings.seconds(TOKEN_TTL_SECONDS, 86_400, 1, MAX_TTL.toSeconds()));
    }
}
