package io.edgefleet.desktop.topology;

import javafx.scene.control.TreeCell;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/** One tree row: a status dot and the entry's name with its counts or state. */
final class TopologyCell extends TreeCell<TopologyEntry> {
    private final Circle dot = new Circle(5);

    @Override
    protected void updateItem(TopologyEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        if (empty || entry == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        switch (entry) {
            case TopologyEntry.TenantEntry tenant -> show("tenant " + tenant.tenant(), Color.TRANSPARENT);
            case TopologyEntry.SiteEntry site -> show(siteText(site.site()), siteColor(site.site()));
            case TopologyEntry.NodeEntry node ->
                show(nodeText(node.node()), StateColors.of(node.node().health()));
            case TopologyEntry.DeviceEntry device ->
                show(
                        device.device().name() + "  " + device.device().state() + "  ("
                                + device.device().model() + ")",
                        StateColors.ofDevice(device.device().state()));
            case TopologyEntry.Placeholder placeholder -> show(placeholder.text(), Color.TRANSPARENT);
        }
    }

    private void show(String text, Color color) {
        dot.setFill(color);
        setText(text);
        setGraphic(dot);
    }

    static String siteText(Site site) {
        return String.format(
                "%s  %,d nodes: %,d online, %,d degraded, %,d offline · devices %s",
                site.displayName(),
                site.nodes().size(),
                site.count(NodeHealth.ONLINE),
                site.count(NodeHealth.DEGRADED),
                site.count(NodeHealth.OFFLINE),
                site.devices().describe());
    }

    static String nodeText(NodeSummary node) {
        return node.name() + "  " + node.health().label() + "  · devices "
                + node.devices().describe();
    }

    private static Color siteColor(Site site) {
        if (site.count(NodeHealth.OFFLINE) > 0) {
            return StateColors.OFFLINE;
        }
        return site.count(NodeHealth.DEGRADED) > 0 ? StateColors.DEGRADED : StateColors.ONLINE;
    }
}
