package io.edgefleet.server.workload;

/**
 * How a template change reaches the nodes: at most {@code maxUnavailable} nodes at a time run
 * something other than a Running instance of the new generation. Nodes whose instance is not
 * available anyway (offline, failed) are updated first, without using up that budget.
 */
public record RolloutPolicy(int maxUnavailable) {
    public static final RolloutPolicy DEFAULT = new RolloutPolicy(1);

    public RolloutPolicy {
        if (maxUnavailable < 1) {
            throw new IllegalArgumentException("rollout.maxUnavailable must be at least 1");
        }
    }
}
