/**
 * The workload contract shared by server and edge: what a node must run ({@link
 * io.edgefleet.protocol.workload.WorkloadTemplate}, carried in {@code sync} as the spec of resource
 * kind {@code Workload}, wrapped in {@link io.edgefleet.protocol.workload.DesiredWorkload}) and
 * what it reports back ({@link io.edgefleet.protocol.workload.InstanceStatus} inside {@link
 * io.edgefleet.protocol.WorkloadStatusReport}). Start reading at {@code DesiredWorkload}.
 */
package io.edgefleet.protocol.workload;
