/**
 * The workloads view: the tenant's workloads with rollout progress, one workload's instances as a
 * progress bar per node (live from the workloads watch's instance events), and an editor that creates
 * or replaces a workload from a form or from its JSON (POST, or PUT with If-Match). Start at {@link
 * io.edgefleet.desktop.workload.WorkloadsViewModel}.
 */
package io.edgefleet.desktop.workload;
