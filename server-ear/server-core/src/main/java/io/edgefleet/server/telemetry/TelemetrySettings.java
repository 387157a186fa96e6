package io.edgefleet.server.telemetry;

import io.edgefleet.server.config.SettingsReader;
import java.time.Duration;

/**
 * Telemetry history.
 *
 * @param retention {@code fleet.reading.retention.hours} ({@code FLEET_READING_RETENTION_HOURS}, default
 *     168, 1 to 87600): readings whose source time is older are deleted
 * @param purgeInterval {@code fleet.reading.retention.interval.seconds} ({@code
 *     FLEET_READING_RETENTION_INTERVAL_SECONDS}, default 60, 1 to 86400): how often each member deletes
 *     expired readings
 */
public record TelemetrySettings(Duration retention, Duration purgeInterval) {
    public static final String RETENTION_HOURS = "fleet.reading.retention.hours";
    public static final String PURGE_INTERVAL_SECONDS = "fleet.reading.retention.interval.seconds";

    public static TelemetrySettings from(SettingsReader settings) {
        return new TelemetrySettings(
                Duration.ofHours(settings.number(RETENTION_HOURS, 168, 1, 87_600)),
                settings.seconds(PURGE_INTERVAL_SECONDS, 60, 1, 86_400));
    }
}
