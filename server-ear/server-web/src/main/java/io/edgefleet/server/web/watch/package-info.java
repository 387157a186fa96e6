/**
 * {@code GET /api/v1/watch/{kind}}: Server-Sent Events of resource changes, resumable by
 * resourceVersion, and of reported instance status. {@link io.edgefleet.server.web.watch.WatchResource}
 * is the endpoint; the engine is {@link io.edgefleet.server.watch.WatchHub}.
 */
package io.edgefleet.server.web.watch;
