/**
 * Fixtures that the tests of more than one module need, so that none keeps a copy: {@link
 * io.edgefleet.testsupport.Wait} (polling with a deadline instead of fixed sleeps), {@link
 * io.edgefleet.testsupport.Ports} (free loopback ports) and {@link io.edgefleet.testsupport.MosquittoProcess}
 * (a real Mosquitto broker that a test can stop, kill and start again on the same port). Start at {@link
 * io.edgefleet.testsupport.MosquittoProcess}.
 *
 * <p>The JDK only: edge-daemon, server-link and server-it use it in test scope; system-tests uses it in
 * compile scope, because its harness ships in the bench jar.
 */
package io.edgefleet.testsupport;
