/**
 * The MQTT-direct binding: the server talks to edge nodes through an MQTT 5 broker (the embedded
 * one, Mosquitto, or any broker with shared subscriptions) using Eclipse Paho.
 *
 * <p>Start at {@link io.edgefleet.server.link.mqtt.MqttEdgeLink}; it is configured by {@link
 * io.edgefleet.server.link.mqtt.MqttLinkConfig}. Inside: {@code ReconnectingClient} keeps one Paho
 * client connected (clean start, backoff with jitter, re-subscribe), {@code InboundValidator} decides
 * what reaches the handler, {@code LinkCounters} count what was seen.
 *
 * <p>Log ids: EF2001 message refused (rate limited), EF2002 handler threw, EF2003 summary of
 * suppressed lines, EF2004 command not taken by the broker, EF2005 cannot connect (retrying),
 * EF2006 subscription refused, EF2007 connection lost, EF2008 connected, EF2009 threads did not stop.
 */
package io.edgefleet.server.link.mqtt;
