package io.edgefleet.desktop.topology;

import javafx.scene.paint.Color;

/** One colour per state, the same in the tree and on the site map. */
public final class StateColors {
    public static final Color ONLINE = Color.web("#2e9d4a");
    public static final Color DEGRADED = Color.web("#e0a000");
    public static final Color OFFLINE = Color.web("#c62828");
    public static final Color UNKNOWN = Color.web("#9e9e9e");

    private StateColors() {}

    public static Color of(NodeHealth health) {
        return switch (health) {
            case ONLINE -> ONLINE;
            case DEGRADED -> DEGRADED;
            case OFFLINE -> OFFLINE;
            case PENDING -> UNKNOWN;
        };
    }

    public static Color ofDevice(String state) {
        return switch (state) {
            case "Online" -> ONLINE;
            case "Offline" -> OFFLINE;
            default -> UNKNOWN;
        };
    }
}
