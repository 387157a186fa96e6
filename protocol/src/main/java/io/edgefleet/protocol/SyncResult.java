package io.edgefleet.protocol;

/**
 * Command response to {@link Sync}: the version the edge has committed after applying the batch.
 */
public record SyncResult(long appliedVersion) implements MessageBody {
    public SyncResult {
        if (appliedVersion < 0) {
            throw new IllegalArgumentException("appliedVersion must not be negative");
        }
    }
}
