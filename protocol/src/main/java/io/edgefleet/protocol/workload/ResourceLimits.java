package io.edgefleet.protocol.workload;

/**
 * Limits applied through cgroups where the edge can write them (v2, else v1); 0 means no limit.
 *
 * @param memoryMb the most memory the process tree may use, in MiB
 * @param cpuMillis CPU time per second of wall time, in thousandths of a core (500 = half a core)
 */
public record ResourceLimits(long memoryMb, long cpuMillis) {
    public static final ResourceLimits NONE = new ResourceLimits(0, 0);

    public ResourceLimits {
        if (memoryMb < 0 || cpuMillis < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }

    public boolean any() {
        return memoryMb > 0 || cpuMillis > 0;
    }
}
