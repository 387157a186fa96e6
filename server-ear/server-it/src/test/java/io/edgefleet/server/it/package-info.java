/**
 * Integration tests of the server: the real EAR on a managed Liberty server (Arquillian,
 * testable=false), called over HTTP and MQTT like clients and edge nodes do. Start at {@link
 * io.edgefleet.server.it.EdgeTrafficIT} for the cloud–edge loop and {@link
 * io.edgefleet.server.it.NodesApiIT} for the REST API; {@code support} holds the shared clients.
 */
package io.edgefleet.server.it;
