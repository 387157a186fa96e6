/**
 * The server's public API as the desktop uses it: {@link io.edgefleet.desktop.api.FleetClient} for REST
 * calls (Basic auth, problem+json refusals as {@link io.edgefleet.desktop.api.ApiProblem}), {@link
 * io.edgefleet.desktop.api.WatchFeed} for the SSE watch streams (reconnects with backoff and {@code
 * Last-Event-ID}), and {@link io.edgefleet.desktop.api.ConnectionMonitor}, which knows whether the
 * server answers and retries when it does not.
 */
package io.edgefleet.desktop.api;
