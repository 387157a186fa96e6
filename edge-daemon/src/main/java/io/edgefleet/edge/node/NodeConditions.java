package io.edgefleet.edge.node;

import io.edgefleet.protocol.ConditionStatus;
import io.edgefleet.protocol.NodeCondition;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Judges the node's conditions from {@link HostReadings}, with a margin between entering and leaving a
 * pressure so that a disk hovering at the threshold does not flap (and send a report every check):
 * <ul>
 *   <li>{@code DiskPressure}: True below 10 % or 256 MiB usable on the data directory's file system,
 *       False again from 12 % and 320 MiB;
 *   <li>{@code MemoryPressure}: True below 10 % of memory available, False again from 12 %.
 * </ul>
 * A condition keeps its transition time while its status stays. Not thread-safe: one caller.
 */
public final class NodeConditions {
    static final double DISK_PRESSURE_BELOW = 0.10;
    static final double DISK_RELIEF_FROM = 0.12;
    static final long DISK_PRESSURE_BELOW_BYTES = 256L << 20;
    static final long DISK_RELIEF_FROM_BYTES = 320L << 20;
    static final double MEMORY_PRESSURE_BELOW = 0.10;
    static final double MEMORY_RELIEF_FROM = 0.12;

    private final String dataDir;
    private final Map<String, NodeCondition> current = new TreeMap<>();

    /** @param dataDir named in the disk condition's message */
    public NodeConditions(String dataDir) {
        this.dataDir = dataDir;
    }

    /** The conditions as {@code readings} show them at {@code now}, sorted by type. */
    public List<NodeCondition> judge(HostReadings readings, Instant now) {
        update(disk(readings), now);
        update(memory(readings), now);
        return List.copyOf(current.values());
    }

    private record Verdict(String type, ConditionStatus status, String reason, String message) {}

    private void update(Verdict verdict, Instant now) {
        NodeCondition before = current.get(verdict.type());
        Instant since = before != null && before.status() == verdict.status() ? before.lastTransitionTime() : now;
        current.put(
                verdict.type(),
                new NodeCondition(verdict.type(), verdict.status(), verdict.reason(), clip(verdict.message()), since));
    }

    private Verdict disk(HostReadings r) {
        String type = NodeCondition.DISK_PRESSURE;
        if (r.diskUsableBytes().isEmpty()
                || r.diskTotalBytes().isEmpty()
                || r.diskTotalBytes().getAsLong() <= 0) {
            return new Verdict(
                    type,
                    ConditionStatus.UNKNOWN,
                    "DiskSpaceUnknown",
                    "the file system of " + dataDir + " cannot be read");
        }
        long usable = r.diskUsableBytes().getAsLong();
        long total = r.diskTotalBytes().getAsLong();
        double share = (double) usable / total;
        boolean pressed = wasTrue(type)
                ? share < DISK_RELIEF_FROM || usable < DISK_RELIEF_FROM_BYTES
                : share < DISK_PRESSURE_BELOW || usable < DISK_PRESSURE_BELOW_BYTES;
        String figures = String.format(
                Locale.ROOT, "%.0f%% free (%s of %s) for %s", share * 100, size(usable), size(total), dataDir);
        return pressed
                ? new Verdict(type, ConditionStatus.TRUE, "LowDiskSpace", figures)
                : new Verdict(type, ConditionStatus.FALSE, "EnoughDiskSpace", figures);
    }

    private Verdict memory(HostReadings r) {
        String type = NodeCondition.MEMORY_PRESSURE;
        OptionalLong available = r.memAvailableKb();
        OptionalLong total = r.memTotalKb();
        if (available.isEmpty() || total.isEmpty() || total.getAsLong() <= 0) {
            return new Verdict(type, ConditionStatus.UNKNOWN, "MemoryUnknown", "available memory cannot be read");
        }
        double share = (double) available.getAsLong() / total.getAsLong();
        boolean pressed = wasTrue(type) ? share < MEMORY_RELIEF_FROM : share < MEMORY_PRESSURE_BELOW;
        String figures = String.format(
                Locale.ROOT,
                "%.0f%% available (%s of %s)",
                share * 100,
                size(available.getAsLong() * 1024),
                size(total.getAsLong() * 1024));
        return pressed
                ? new Verdict(type, ConditionStatus.TRUE, "LowMemory", figures)
                : new Verdict(type, ConditionStatus.FALSE, "EnoughMemory", figures);
    }

    private boolean wasTrue(String type) {
        return Optional.ofNullable(current.get(type))
                .map(c -> c.status() == ConditionStatus.TRUE)
                .orElse(false);
    }

    private static String size(long bytes) {
        double mib = bytes / (1024.0 * 1024.0);
        return mib >= 1024
                ? String.format(Locale.ROOT, "%.1f GiB", mib / 1024)
                : String.format(Locale.ROOT, "%.0f MiB", mib);
    }

    private static String clip(String message) {
        return message.length() <= NodeCondition.MAX_MESSAGE
                ? message
                : message.substring(0, NodeCondition.MAX_MESSAGE - 1) + "…";
    }
}
