/**
 * The link to the cloud: MQTT 5 with Eclipse Paho, in Eclipse Hono's topic layout.
 *
 * <p>Start at {@link io.edgefleet.edge.link.MqttLink} (connect, reconnect with {@link
 * io.edgefleet.edge.link.Backoff}, hello, heartbeats, outbox sending). Downstream commands pass
 * through {@link io.edgefleet.edge.link.CommandRouter}, which refuses anything malformed or not
 * meant for this node, and reach a {@link io.edgefleet.edge.link.CommandHandler} per kind.
 */
package io.edgefleet.edge.link;
