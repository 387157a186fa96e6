/**
 * Test fixtures: a fake edge node (a plain Paho client), a Mosquitto process, an in-memory node
 * authenticator and a recording upstream handler. Start at {@link
 * io.edgefleet.server.link.testsupport.FakeNode}.
 */
package io.edgefleet.server.link.testsupport;
