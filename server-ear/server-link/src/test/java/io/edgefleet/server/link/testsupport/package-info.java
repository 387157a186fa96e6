/**
 * Test fixtures: a fake edge node (a plain Paho client), the brokers to run it against (a
 * Mosquitto process from test-support, the embedded Artemis), an in-memory node
 * authenticator and a recording upstream handler. Start at {@link
 * io.edgefleet.server.link.testsupport.FakeNode}.
 */
package io.edgefleet.server.link.testsupport;
