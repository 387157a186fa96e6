package io.edgefleet.edge.sync;

/** What applying a {@code sync} batch did; every outcome names the version now committed. */
public sealed interface SyncOutcome {

    /** The version the node has committed after this sync. */
    long appliedVersion();

    /**
     * The batch was committed.
     *
     * @param applied changes applied
     * @param skipped changes of resource kinds this daemon does not know
     */
    record Applied(long appliedVersion, int applied, int skipped) implements SyncOutcome {}

    /** The node already had {@code toVersion} or newer; nothing changed. */
    record AlreadyApplied(long appliedVersion) implements SyncOutcome {}

    /**
     * The batch starts after a version the node never applied (changes in between are missing), so it
     * was not applied; the server resends from {@link #appliedVersion()}.
     */
    record Gap(long appliedVersion, long fromVersion) implements SyncOutcome {}

    /** An applier failed; the batch was rolled back. */
    record Failed(long appliedVersion, String reason) implements SyncOutcome {}
}
