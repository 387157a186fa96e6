/** REST for workloads: {@link io.edgefleet.server.web.workload.WorkloadsResource}. */
package io.edgefleet.server.web.workload;
