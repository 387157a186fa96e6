package io.edgefleet.server.node;

import io.edgefleet.server.config.SettingsReader;
import java.time.Duration;

/**
 * Liveness of nodes.
 *
 * @param heartbeat {@code fleet.heartbeat.seconds} ({@code FLEET_HEARTBEAT_SECONDS}, default 10): how
 *     often edges send a heartbeat; told to each node at enrollment
 * @param lease {@code fleet.lease.seconds} ({@code FLEET_LEASE_SECONDS}, default 35): a node silent for
 *     longer turns Offline
 */
public record LivenessSettings(Duration heartbeat, Duration lease) {
    public static final String HEARTBEAT_SECONDS = "fleet.heartbeat.seconds";
    public static final String LEASE_SECONDS = "fleet.lease.seconds";

    public LivenessSettings {
        if (lease.compareTo(heartbeat) <= 0) {
            throw new IllegalArgumentException("EF1008 the lease (" + lease.toSeconds()
                    + " s) must be longer than the heartbeat interval (" + heartbeat.toSeconds() + " s)");
        }
    }

    public static LivenessSettings from(SettingsReader settings) {
        return new LivenessSettings(
                settings.seconds(HEARTBEAT_SECONDS, 10, 1, 3600), settings.seconds(LEASE_SECONDS, 35, 2, 86_400));
    }

    /** How often the lease sweep runs: a quarter of the lease, between 1 and 5 seconds. */
    public Duration sweepInterval() {
        long millis = Math.clamp(lease.toMillis() / 4, 1000L, 5000L);
        return Duration.ofMillis(millis);
    }
}
