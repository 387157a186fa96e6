package io.edgefleet.server.workload;

import io.edgefleet.protocol.workload.WorkloadTemplate;
import java.util.Objects;

/**
 * The desired state of a workload: run {@code template} on every node whose labels match {@code
 * selector} (blank: every node), rolled out under {@code rollout}.
 */
public record WorkloadSpec(String selector, WorkloadTemplate template, RolloutPolicy rollout) {
    public WorkloadSpec {
        selector = Objects.requireNonNullElse(selector, "").strip();
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(rollout, "rollout");
    }
}
