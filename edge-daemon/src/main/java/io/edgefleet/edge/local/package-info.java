/**
 * The edge daemon's local API (DESIGN section 5): read-only JSON on 127.0.0.1, answered from the store
 * exactly as the {@code status}, {@code workloads}, {@code logs}, {@code devices} and {@code twin} commands
 * answer, so that a tool or workload on the PC can see what the daemon runs with no cloud. Start at {@link
 * io.edgefleet.edge.local.LocalApi}; off unless {@code local-api-port} is set.
 */
package io.edgefleet.edge.local;
