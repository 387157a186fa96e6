package io.edgefleet.server.edge;

import io.edgefleet.protocol.Envelope;

/** Sends a downstream command to a node; false when the link is down (the node asks again on hello). */
public interface CommandSender {
    /** Sends a command nobody waits an answer to; the link makes up its request id. */
    boolean send(String tenant, Envelope command);

    /**
     * Sends a command whose answer someone waits for, under {@code requestId} (1 to 64 characters of
     * {@code [0-9a-z]}: it becomes a topic level), which the answer carries back.
     */
    boolean send(String tenant, Envelope command, String requestId);
}
