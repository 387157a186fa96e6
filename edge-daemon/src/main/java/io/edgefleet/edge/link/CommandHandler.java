package io.edgefleet.edge.link;

import io.edgefleet.protocol.Envelope;

/**
 * Handles one kind of downstream command. Called on the link's thread with a command that was
 * decoded and checked (right node, right channel, topic name matches the kind); must not block for
 * long. New commands ({@code logs}, workload actions, …) plug in as further handlers.
 */
@FunctionalInterface
public interface CommandHandler {
    CommandOutcome handle(Envelope command);
}
