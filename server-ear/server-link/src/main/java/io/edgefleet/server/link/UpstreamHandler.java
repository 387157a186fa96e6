package io.edgefleet.server.link;

/**
 * Receives what edge nodes send. Called on the link's own threads: implementations hand work to
 * their own executor and return quickly. Losing a reliable message here is safe (the edge resends
 * until it is acknowledged); blocking here stalls every node.
 */
public interface UpstreamHandler {

    /** A message that decoded and whose envelope matches the topic it came on. */
    void onMessage(InboundMessage message);

    /** A message that was refused; already logged by the link. */
    void onRejected(RejectedMessage rejected);

    /** The link connected or lost its connection. */
    default void onLinkStateChanged(LinkState state) {}
}
