package io.edgefleet.protocol.device;

import io.edgefleet.protocol.Names;
import java.util.Objects;
import java.util.Optional;

/**
 * The spec of one {@code Rule} change in a {@code sync}: an edge-local fallback (DESIGN section 2),
 * evaluated on the node that runs the condition's device, with or without the cloud. {@code then}
 * runs once when the condition has held for its duration; {@code onClear}, if present, once when it
 * stops holding after that.
 */
public record DesiredRule(
        String name, long generation, RuleCondition when, RuleAction then, Optional<RuleAction> onClear) {
    /** The resource kind name in {@link io.edgefleet.protocol.ResourceChange#resource()}. */
    public static final String RESOURCE = "Rule";

    public DesiredRule {
        Names.require("rule name", name);
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(then, "then");
        Objects.requireNonNull(onClear, "onClear");
        if (generation < 1) {
            throw new IllegalArgumentException("generation must be at least 1");
        }
    }
}
