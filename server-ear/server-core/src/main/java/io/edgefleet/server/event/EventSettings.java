package io.edgefleet.server.event;

import io.edgefleet.server.config.SettingsReader;
import java.time.Duration;

/**
 * Event history.
 *
 * @param retention {@code fleet.event.retention.days} ({@code FLEET_EVENT_RETENTION_DAYS}, default 30, 1 to
 *     3650): older events are deleted
 */
public record EventSettings(Duration retention) {
    public static final String RETENTION_DAYS = "fleet.event.retention.days";

    public static EventSettings from(SettingsReader settings) {
        return new EventSettings(Duration.ofDays(settings.number(RETENTION_DAYS, 30, 1, 3650)));
    }
}
