/**
 * The {@code opcua} device driver: variables of an OPC UA server read, written and monitored with
 * the Eclipse Milo client.
 *
 * <p>Start at {@link io.edgefleet.driver.opcua.OpcUaDriver}: its comment lists every connection and
 * visitor key. {@link io.edgefleet.driver.opcua.OpcUaSession} holds the client and maps its session
 * life to {@link io.edgefleet.driver.SessionState}; {@link io.edgefleet.driver.opcua.OpcUaValues}
 * maps OPC UA built-in types and status codes to typed values and qualities; {@link
 * io.edgefleet.driver.opcua.OpcUaMonitor} is a subscription that survives reconnects.
 *
 * <p>Log ids: {@code EF4101} the session to a server was lost (Milo keeps reconnecting), {@code
 * EF4102} the session is active again, {@code EF4103} a monitor was recreated on a new session,
 * {@code EF4104} recreating a monitor failed (retried at the next reconnect), {@code EF4105} a
 * subscription listener threw.
 */
package io.edgefleet.driver.opcua;
