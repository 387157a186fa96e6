package io.edgefleet.edge.outbox;

/** What happened to one publish handed to the MQTT client. */
public sealed interface PublishOutcome {

    /** Handed to the client; the broker's PUBACK will follow (or the connection drops). */
    record Sent() implements PublishOutcome {}

    /** The client's window towards the broker is full; try again after a PUBACK. */
    record Busy() implements PublishOutcome {}

    /** Not sent (not connected, or the client failed); the session will be restarted. */
    record Failed(String reason) implements PublishOutcome {}
}
