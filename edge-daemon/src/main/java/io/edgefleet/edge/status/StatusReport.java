package io.edgefleet.edge.status;

import io.edgefleet.edge.store.Identity;
import io.edgefleet.edge.store.MetaKey;
import io.edgefleet.edge.store.StoreSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code edgefleet-edge status} reports, read from the store alone.
 *
 * @param daemonRunning whether a daemon holds the data directory now
 * @param linkState the link state the daemon recorded; {@code stopped} when no daemon runs (a
 *     killed daemon could not record its end)
 * @param linkSince when the recorded link state began
 * @param oldestEntryAge age of the oldest unacknowledged outbox entry
 * @param telemetryRows readings waiting in the telemetry buffer
 * @param telemetryDropped readings the buffer dropped (too old, full) since the store was created
 */
public record StatusReport(
        Path store,
        String node,
        String tenant,
        String mqttUrl,
        Instant enrolledAt,
        boolean daemonRunning,
        String linkState,
        Optional<Instant> linkSince,
        Optional<Instant> lastConnectedAt,
        long appliedVersion,
        long lastSeq,
        long lastAckedSeq,
        long outboxDepth,
        Optional<Duration> oldestEntryAge,
        long telemetryRows,
        long telemetryDropped) {

    static StatusReport of(StoreSnapshot snapshot, Identity identity, boolean daemonRunning, Instant now) {
        String recorded = snapshot.meta(MetaKey.LINK_STATE).orElse("stopped");
        return new StatusReport(
                snapshot.file(),
                identity.node(),
                identity.tenant(),
                identity.mqttUrl(),
                identity.enrolledAt(),
                daemonRunning,
                daemonRunning ? recorded : "stopped",
                snapshot.meta(MetaKey.LINK_SINCE).map(Instant::parse),
                snapshot.meta(MetaKey.LAST_CONNECTED_AT).map(Instant::parse),
                snapshot.metaLong(MetaKey.APPLIED_VERSION),
                snapshot.metaLong(MetaKey.LAST_SEQ),
                snapshot.metaLong(MetaKey.LAST_ACKED_SEQ),
                snapshot.outboxDepth(),
                snapshot.oldestEntryAt()
                        .map(at -> Duration.between(at, now))
                        .map(age -> age.isNegative() ? Duration.ZERO : age),
                snapshot.telemetryRows(),
                snapshot.metaLong(MetaKey.TELEMETRY_DROPPED_TOTAL));
    }
}
