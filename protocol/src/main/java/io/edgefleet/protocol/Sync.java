package io.edgefleet.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Downstream command {@code sync}: desired-state changes after {@code fromVersion} up to {@code
 * toVersion}. With {@code snapshot} set, the changes are the whole desired state of the node and
 * replace what the edge holds (the change log was compacted past the node's appliedVersion). The
 * edge applies a batch in one local transaction and answers with a {@link SyncResult}. Applying the
 * same batch twice has no further effect.
 */
public record Sync(long fromVersion, long toVersion, boolean snapshot, List<ResourceChange> changes)
        implements MessageBody {
    public Sync {
        Objects.requireNonNull(changes, "changes");
        changes = List.copyOf(changes);
        if (fromVersion < 0 || toVersion < fromVersion) {
            throw new IllegalArgumentException(
                    "need 0 <= fromVersion <= toVersion, got " + fromVersion + ".." + toVersion);
        }
        for (ResourceChange change : changes) {
            if (change.resourceVersion() <= fromVersion || change.resourceVersion() > toVersion) {
                throw new IllegalArgumentException("change at version " + change.resourceVersion() + " lies outside "
                        + fromVersion + ".." + toVersion);
            }
        }
    }
}
