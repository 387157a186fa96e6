/**
 * Workloads: what runs on which nodes. Start at {@link io.edgefleet.server.workload.Workloads} (the
 * REST-facing service); {@link io.edgefleet.server.workload.Assignments} keeps the per-node rows that
 * sync reads, {@link io.edgefleet.server.workload.Rollouts} hands a new generation out under
 * maxUnavailable, and {@link io.edgefleet.server.workload.WorkloadInstances} stores what nodes report.
 */
package io.edgefleet.server.workload;
