package io.edgefleet.server.enrollment;

import java.util.Optional;

/**
 * What an edge node presents to enroll (contract in docs/protocol.md). Only {@code token} and {@code
 * node} are required; the rest describes the machine until its first node-status report.
 */
public record EnrollmentRequest(
        Optional<String> token,
        Optional<String> node,
        Optional<String> agentVersion,
        Optional<String> os,
        Optional<String> arch,
        Optional<String> hostname) {

    /** Never shows the token: requests end up in logs and exception messages. */
    @Override
    public String toString() {
        return "EnrollmentRequest[token=" + (token.isPresent() ? "(set)" : "(none)") + ", node=" + node.orElse("")
                + ", agentVersion=" + agentVersion.orElse("") + ", os=" + os.orElse("") + ", arch="
                + arch.orElse("") + ", hostname=" + hostname.orElse("") + "]";
    }
}
