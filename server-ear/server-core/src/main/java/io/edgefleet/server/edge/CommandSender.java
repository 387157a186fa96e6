package io.edgefleet.server.edge;

import io.edgefleet.protocol.Envelope;

/** Sends a downstream command to a node; false when the link is down (the node asks again on hello). */
@FunctionalInterface
public interface CommandSender {
    boolean send(String tenant, Envelope command);
}
