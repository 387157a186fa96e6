package io.edgefleet.server.watch;

/** Where a subscription writes its events: one client's stream, written by one thread at a time. */
public interface WatchSink {
    /**
     * Writes one event and returns when it was handed to the connection.
     *
     * @return false when the client is gone (the subscription then ends)
     */
    boolean write(WatchEvent event);

    /** Ends the stream; idempotent. */
    void close();
}
