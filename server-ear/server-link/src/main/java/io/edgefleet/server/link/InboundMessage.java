package io.edgefleet.server.link;

import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.MessageKind;
import java.util.Objects;

/**
 * A validated upstream message. {@code tenant} and {@code node} come from the transport (topic or
 * Hono's device id), which the broker's per-node ACL vouches for; the envelope's node equals {@code
 * node}.
 *
 * @param requestId for command responses, the request they answer; empty otherwise
 * @param status for command responses, the HTTP status; 0 otherwise
 */
public record InboundMessage(
        String tenant, String node, MessageKind.Channel channel, Envelope envelope, String requestId, int status) {
    public InboundMessage {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(requestId, "requestId");
    }
}
