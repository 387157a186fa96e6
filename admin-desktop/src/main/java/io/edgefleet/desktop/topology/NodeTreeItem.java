package io.edgefleet.desktop.topology;

import java.util.List;
import javafx.scene.control.TreeItem;

/**
 * A node in the tree. Its devices are not read until it is first expanded (100,000 devices would not
 * fit the first paint), and it has no children until then: {@link #isLeaf} says from its counts
 * whether it has devices to show, so the tree draws its arrow without 10,000 placeholder items. The
 * expansion is heard by one handler on the tree's root ({@link TopologyView}), not by a property
 * listener on each of 10,000 items.
 */
final class NodeTreeItem extends TreeItem<TopologyEntry> {
    private boolean requested;

    NodeTreeItem(NodeSummary node) {
        super(new TopologyEntry.NodeEntry(node));
    }

    @Override
    public boolean isLeaf() {
        return requested ? getChildren().isEmpty() : node().devices().total() == 0;
    }

    NodeSummary node() {
        return ((TopologyEntry.NodeEntry) getValue()).node();
    }

    String nodeName() {
        return node().name();
    }

    boolean devicesRequested() {
        return requested;
    }

    /**
     * On the first expansion: shows "loading devices…" and answers true, once, so that the caller reads
     * the devices and hands them to {@link #showDevices}.
     */
    boolean startLoadingDevices() {
        if (requested) {
            return false;
        }
        requested = true;
        getChildren().setAll(List.of(new TreeItem<>(new TopologyEntry.Placeholder("loading devices…"))));
        return true;
    }

    void showDevices(List<DeviceSummary> devices) {
        getChildren()
                .setAll(devices.stream()
                        .map(d -> new TreeItem<TopologyEntry>(new TopologyEntry.DeviceEntry(d)))
                        .toList());
    }

    void update(NodeSummary node) {
        setValue(new TopologyEntry.NodeEntry(node));
    }
}
