/**
 * Start and stop of the server, and its readiness. {@link io.edgefleet.server.lifecycle.ServerLifecycle}
 * is called by the web module's startup bean with the container's services ({@link
 * io.edgefleet.server.lifecycle.ContainerServices}); {@link io.edgefleet.server.lifecycle.Readiness}
 * backs {@code /health/ready}.
 */
package io.edgefleet.server.lifecycle;
