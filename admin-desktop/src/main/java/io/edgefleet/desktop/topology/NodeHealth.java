package io.edgefleet.desktop.topology;

/**
 * What the topology shows of a node. The server knows phases (Pending, Online, Offline) only;
 * Degraded is the desktop's own: Online, but at least one of the node's devices Offline, which is what
 * an engineer walks to the line for.
 */
public enum NodeHealth {
    ONLINE("Online"),
    DEGRADED("Degraded"),
    OFFLINE("Offline"),
    PENDING("Pending");

    private final String label;

    NodeHealth(String label) {
        this.label = label;
    }

    public static NodeHealth of(String phase, DeviceCounts devices) {
        return switch (phase) {
            case "Online" -> devices.offline() > 0 ? DEGRADED : ONLINE;
            case "Offline" -> OFFLINE;
            default -> PENDING;
        };
    }

    public String label() {
        return label;
    }
}
