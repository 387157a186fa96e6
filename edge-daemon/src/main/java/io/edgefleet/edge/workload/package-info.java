/**
 * The workload runtime: what the cloud wants this node to run (table {@code workload_desired},
 * written by {@link io.edgefleet.edge.workload.WorkloadApplier} during a sync) against what runs
 * (table {@code workload_instance}), reconciled on one decision thread, online and offline alike.
 *
 * <p>Start at {@link io.edgefleet.edge.workload.Workloads} (wiring, boot, close), then {@link
 * io.edgefleet.edge.workload.Reconciler} (the loop) and {@code Decision} (the rules). Processes are
 * started by {@code ProcessLauncher} (logs, environment, cgroups via {@code Cgroups}), found again
 * after a crash by {@code Adoption} and {@code ProcessScan} (the {@code EDGEFLEET_INSTANCE} token), checked by {@code
 * Probes} on the ticks of {@code ProbeSchedule}; state changes go upstream through the outbox ({@code StatusPublisher}). The local
 * commands are {@link io.edgefleet.edge.workload.WorkloadsCommand} and {@link
 * io.edgefleet.edge.workload.LogsCommand}.
 */
package io.edgefleet.edge.workload;
