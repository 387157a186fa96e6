/**
 * Edge traffic on the server: how messages from edge nodes arrive and how commands reach them,
 * independent of the transport.
 *
 * <p>Start at {@link io.edgefleet.server.link.EdgeLink}: a binding (MQTT direct today, Eclipse Hono's
 * AMQP 1.0 northbound API later) delivers decoded, validated messages to an {@link
 * io.edgefleet.server.link.UpstreamHandler} and sends commands. The server's domain implements the
 * handler and {@link io.edgefleet.server.link.NodeAuthenticator}; nothing here knows about JPA or
 * CDI, so bindings are tested in a plain JVM against real brokers.
 *
 * <p>Implementations: {@link io.edgefleet.server.link.mqtt} (MQTT direct) and the embedded broker in
 * {@link io.edgefleet.server.link.broker}. Failures to set either up are {@link
 * io.edgefleet.server.link.LinkException}s; anything logged from network input goes through a {@link
 * io.edgefleet.server.link.RateLimitedLog}.
 */
package io.edgefleet.server.link;
