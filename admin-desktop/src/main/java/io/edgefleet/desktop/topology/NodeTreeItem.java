package io.edgefleet.desktop.topology;

import java.util.List;
import javafx.scene.control.TreeItem;

/**
 * A node in the tree. Its devices are not read until it is first expanded (100,000 devices would not
 * fit the first paint): until then it holds one placeholder child so that it shows as expandable.
 */
final class NodeTreeItem extends TreeItem<TopologyEntry> {
    private boolean requested;

    NodeTreeItem(NodeSummary node, TopologyViewModel viewModel) {
        super(new TopologyEntry.NodeEntry(node));
        if (node.devices().total() > 0) {
            getChildren().add(new TreeItem<>(new TopologyEntry.Placeholder("loading devices…")));
        }
        expandedProperty().addListener((obs, was, expanded) -> {
            if (expanded && !requested) {
                requested = true;
                viewModel.loadDevices(node.name(), this::showDevices);
            }
        });
    }

    String nodeName() {
        return ((TopologyEntry.NodeEntry) getValue()).node().name();
    }

    boolean devicesRequested() {
        return requested;
    }

    void showDevices(List<DeviceSummary> devices) {
        getChildren()
                .setAll(devices.stream()
                        .map(d -> new TreeItem<TopologyEntry>(new TopologyEntry.DeviceEntry(d)))
                        .toList());
    }

    void update(NodeSummary node) {
        setValue(new TopologyEntry.NodeEntry(node));
        if (!requested && node.devices().total() > 0 && getChildren().isEmpty()) {
            getChildren().add(new TreeItem<>(new TopologyEntry.Placeholder("loading devices…")));
        }
    }
}
