package io.edgefleet.server.workload;

/** A workload as the REST API shows it, Kubernetes-shaped (DESIGN section 2). */
public record Workload(WorkloadMetadata metadata, WorkloadSpec spec, WorkloadStatus status) {

    /** The value of the ETag header: the resourceVersion, quoted. */
    public String etag() {
        return "\"" + metadata.resourceVersion() + "\"";
    }
}
