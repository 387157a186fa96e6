package io.edgefleet.server.sync;

import io.edgefleet.server.config.SettingsReader;
import java.time.Duration;

/**
 * Desired-state sync and its jobs.
 *
 * @param changeLogRetention {@code fleet.changelog.retention.seconds} ({@code
 *     FLEET_CHANGELOG_RETENTION_SECONDS}, default 7 days): change-log rows and tombstones older than
 *     this are compacted; nodes offline for longer get a snapshot when they return
 * @param rolloutInterval {@code fleet.rollout.interval.ms} (default 1000): how often rolling updates
 *     are stepped besides the step each status report triggers
 * @param catchUpInterval {@code fleet.sync.catchup.seconds} (default 15): how often nodes whose sync
 *     got lost are sent their batch again
 */
public record SyncSettings(Duration changeLogRetention, Duration rolloutInterval, Duration catchUpInterval) {
    public static final String RETENTION_SECONDS = "fleet.changelog.retention.seconds";
    public static final String ROLLOUT_INTERVAL_MS = "fleet.rollout.interval.ms";
    public static final String CATCH_UP_SECONDS = "fleet.sync.catchup.seconds";

    public static SyncSettings from(SettingsReader settings) {
        return new SyncSettings(
                settings.seconds(RETENTION_SECONDS, 7 * 86_400, 1, 365 * 86_400L),
                Duration.ofMillis(settings.number(ROLLOUT_INTERVAL_MS, 1000, 100, 60_000)),
                settings.seconds(CATCH_UP_SECONDS, 15, 1, 3600));
    }
}
