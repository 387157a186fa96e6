package io.edgefleet.edge.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A consistent read of the store, taken without the daemon's help.
 *
 * @param schemaVersion the store's {@code user_version}
 * @param meta every known {@link MetaKey} that has a value
 * @param outboxDepth entries waiting for the server's acknowledgement
 * @param oldestEntryAt when the oldest waiting entry was appended
 * @param telemetryRows readings in the telemetry buffer (0 before schema version 3)
 */
public record StoreSnapshot(
        Path file,
        int schemaVersion,
        Optional<Identity> identity,
        Map<MetaKey, String> meta,
        long outboxDepth,
        Optional<Instant> oldestEntryAt,
        long telemetryRows) {
    public StoreSnapshot {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(identity, "identity");
        meta = Map.copyOf(meta);
        Objects.requireNonNull(oldestEntryAt, "oldestEntryAt");
    }

    public Optional<String> meta(MetaKey key) {
        return Optional.ofNullable(meta.get(key));
    }

    public long metaLong(MetaKey key) {
        return meta(key).map(Long::parseLong).orElse(0L);
    }
}
