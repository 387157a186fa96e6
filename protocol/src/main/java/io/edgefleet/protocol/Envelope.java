package io.edgefleet.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * One message between the cloud and an edge node.
 *
 * @param version protocol version; this code speaks {@link #CURRENT_VERSION}
 * @param messageId unique per message (a UUID), for logs and tracing
 * @param node the edge node the message is from (upstream) or for (downstream)
 * @param seq the node's sequence number for reliable upstream messages ({@link
 *     MessageKind#reliable()}), starting at 1 and without gaps; 0 for every other message
 * @param timestamp when the sender created the message
 * @param body the typed payload; its kind names it on the wire
 */
public record Envelope(int version, String messageId, String node, long seq, Instant timestamp, MessageBody body) {

    public static final int CURRENT_VERSION = 1;

    /** Content type carried in the MQTT 5 content-type property and in AMQP's content-type. */
    public static final String CONTENT_TYPE = "application/vnd.edgefleet.v1+json";

    public Envelope {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(body, "body");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative: " + seq);
        }
        if (MessageKind.of(body).reliable() != (seq > 0)) {
            throw new IllegalArgumentException("seq must be positive exactly for reliable kinds; kind "
                    + MessageKind.of(body).wireName() + ", seq " + seq);
        }
    }

    /** A message that carries no sequence number. */
    public static Envelope of(String node, Instant timestamp, MessageBody body) {
        return new Envelope(CURRENT_VERSION, MessageIds.next(), node, 0, timestamp, body);
    }

    /** A reliable upstream message with its outbox sequence number. */
    public static Envelope reliable(String node, long seq, Instant timestamp, MessageBody body) {
        return new Envelope(CURRENT_VERSION, MessageIds.next(), node, seq, timestamp, body);
    }

    public MessageKind kind() {
        return MessageKind.of(body);
    }
}
