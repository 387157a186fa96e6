package io.edgefleet.edge.enrollment;

import io.edgefleet.edge.config.Secret;
import java.util.Objects;

/** What the edge presents to {@code POST /api/v1/enrollments}; the token is the only credential. */
public record EnrollmentRequest(
        Secret token, String node, String agentVersion, String os, String arch, String hostname) {
    public EnrollmentRequest {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(agentVersion, "agentVersion");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(hostname, "hostname");
    }
}
