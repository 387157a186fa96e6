/**
 * The watch API's engine: clients follow the changes of a kind of resource, resumable by
 * resourceVersion (DESIGN section 2). Cluster members share only the database, so one poller per
 * member reads {@code change_log} (and, for workloads, {@code workload_instance}) for every
 * subscriber of a tenant, and each subscription replays what it missed before it goes live.
 *
 * <p>Start at {@link io.edgefleet.server.watch.WatchHub}; {@link io.edgefleet.server.watch.WatchKind}
 * lists what can be watched, {@link io.edgefleet.server.watch.WatchEvent} what a client receives and
 * {@link io.edgefleet.server.watch.WatchSink} is how the REST layer writes it.
 */
package io.edgefleet.server.watch;
