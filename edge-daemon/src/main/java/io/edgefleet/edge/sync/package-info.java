/**
 * Desired state from the cloud: the {@code sync} command applied in one local transaction, with
 * {@code applied_version} moving only forward (DESIGN section 3, down).
 *
 * <p>Start at {@link io.edgefleet.edge.sync.SyncApplier}. Each resource kind (workloads, devices,
 * twins, as they arrive) plugs in as a {@link io.edgefleet.edge.sync.ResourceApplier}; {@link
 * io.edgefleet.edge.sync.SyncCommandHandler} turns the outcome into the {@code sync-result} answer.
 */
package io.edgefleet.edge.sync;
