package io.edgefleet.edge.store;

/** Keys of the {@code meta} table: small facts the daemon keeps across restarts. */
public enum MetaKey {
    /** Last desired-state resourceVersion committed locally (sync). */
    APPLIED_VERSION("applied_version"),
    /** Highest outbox sequence number ever assigned; the next entry gets this plus one. */
    LAST_SEQ("last_seq"),
    /** Highest sequence number the server acknowledged. */
    LAST_ACKED_SEQ("last_acked_seq"),
    /** {@code connected}, {@code disconnected} or {@code stopped}. */
    LINK_STATE("link_state"),
    /** When the link entered {@link #LINK_STATE} (ISO-8601). */
    LINK_SINCE("link_since"),
    /** When the link last connected to the broker (ISO-8601). */
    LAST_CONNECTED_AT("last_connected_at"),
    /** Random id of the current daemon process, new at every start. */
    BOOT_ID("boot_id"),
    /** When the current daemon process started (ISO-8601). */
    BOOTED_AT("booted_at"),
    /** The last node-status report appended to the outbox, to skip duplicates across restarts. */
    LAST_NODE_STATUS("last_node_status"),
    /**
     * Random id of this store, created once: every workload process carries it in {@code
     * EDGEFLEET_INSTANCE}, so the daemon finds its own processes and no other daemon's.
     */
    WORKLOAD_STORE_ID("workload_store_id"),
    /** Telemetry readings dropped (too old, buffer full) since the store was created. */
    TELEMETRY_DROPPED_TOTAL("telemetry_dropped_total"),
    /** Telemetry readings dropped since the last batch was made; the next batch carries the count. */
    TELEMETRY_DROPPED_UNREPORTED("telemetry_dropped_unreported"),
    /** Highest telemetry batch number made; the next batch gets this plus one. */
    TELEMETRY_LAST_BATCH("telemetry_last_batch"),
    /** Highest telemetry batch number the server acknowledged. */
    TELEMETRY_ACKED_BATCH("telemetry_acked_batch"),
    /** The upstream kinds the server last said it accepts, comma-separated (ack answering hello). */
    SERVER_ACCEPTS("server_accepts");

    private final String key;

    MetaKey(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
