package io.edgefleet.server.link;

import io.edgefleet.protocol.Envelope;

/**
 * One binding for edge traffic. Implementations: MQTT direct (Paho, shared subscriptions) and, later,
 * Hono AMQP 1.0. A link reconnects by itself; {@link #state()} tells whether it is connected now.
 */
public interface EdgeLink extends AutoCloseable {

    /**
     * Connects and subscribes; returns once the first connection attempt finished, connected or not
     * (the link keeps retrying in the background).
     */
    void start(UpstreamHandler handler);

    /**
     * Sends a downstream command to one node. The command name on the wire is the envelope's kind;
     * the request id is generated. Returns false when the link is down: commands are not queued,
     * because the node asks again with {@code hello} when it reconnects.
     */
    boolean sendCommand(String tenant, Envelope command);

    /**
     * Sends a downstream command under {@code requestId}, which the node's answer carries back in its
     * topic: for commands someone waits an answer to. The id is 1 to 64 characters of {@code [0-9a-z]}.
     */
    boolean sendCommand(String tenant, Envelope command, String requestId);

    LinkState state();

    @Override
    void close();
}
