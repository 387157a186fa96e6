package io.edgefleet.protocol;

import java.util.List;
import java.util.Objects;

/**
 * {@code node-event}, reliable: events that happened on the node, in the order they happened. Through
 * the outbox like every reliable message, so an event raised offline reaches the server after the
 * link returns, once.
 */
public record NodeEventReport(List<EdgeEvent> events) implements MessageBody {
    public static final int MAX_EVENTS = 100;

    public NodeEventReport {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        if (events.isEmpty() || events.size() > MAX_EVENTS) {
            throw new ProtocolException(
                    "invalid-event", "a node-event carries 1 to " + MAX_EVENTS + " events, got " + events.size());
        }
    }
}
