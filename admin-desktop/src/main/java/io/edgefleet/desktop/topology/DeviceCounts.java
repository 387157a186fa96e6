package io.edgefleet.desktop.topology;

import java.util.Collection;

/** How many devices a node (or a site) has, by state. */
public record DeviceCounts(int total, int online, int offline, int unknown) {
    public static final DeviceCounts NONE = new DeviceCounts(0, 0, 0, 0);

    /** Counts of a node's device list, from each device's status.state. */
    public static DeviceCounts of(Collection<DeviceSummary> devices) {
        int online = 0;
        int offline = 0;
        for (DeviceSummary device : devices) {
            switch (device.state()) {
                case "Online" -> online++;
                case "Offline" -> offline++;
                default -> {
                    // Unknown (or a state this desktop does not know yet): counted below.
                }
            }
        }
        return new DeviceCounts(devices.size(), online, offline, devices.size() - online - offline);
    }

    public DeviceCounts plus(DeviceCounts other) {
        return new DeviceCounts(
                total + other.total, online + other.online, offline + other.offline, unknown + other.unknown);
    }

    /** "9/10 online, 1 offline" as the tree shows it. */
    public String describe() {
        StringBuilder text =
                new StringBuilder().append(online).append('/').append(total).append(" online");
        if (offline > 0) {
            text.append(", ").append(offline).append(" offline");
        }
        if (unknown > 0) {
            text.append(", ").append(unknown).append(" unknown");
        }
        return text.toString();
    }
}
