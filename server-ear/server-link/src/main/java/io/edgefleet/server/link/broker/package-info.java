/**
 * The embedded MQTT broker for zero-setup installations: Apache ActiveMQ Artemis inside the server,
 * with node accounts checked by the server's {@link io.edgefleet.server.link.NodeAuthenticator} and
 * the per-node topic ACL of DESIGN section 3.
 *
 * <p>Start at {@link io.edgefleet.server.link.broker.EmbeddedBroker#start}; the rules a node lives
 * by are in {@code NodeAcl}, the login rules in {@code BrokerSecurityManager}.
 *
 * <p>Log ids: EF2010 login refused, EF2011 authenticator failed, EF2012 node action refused by the
 * ACL (these three rate limited), EF2013 broker listening, EF2014 stopped, EF2015 did not stop
 * cleanly.
 */
package io.edgefleet.server.link.broker;
