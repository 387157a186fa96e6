package io.edgefleet.desktop.topology;

import io.edgefleet.desktop.ui.Styles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

/**
 * The topology view: a search box and health filter, a virtualised TreeView (tenant, sites, nodes,
 * devices) and the site map beside it. Double-click or Enter on a node opens the node view, on a
 * device the twin view.
 */
public final class TopologyView extends BorderPane {
    private static final String ALL = "All";
    private final TopologyViewModel viewModel;
    private final TreeView<TopologyEntry> tree = new TreeView<>();
    private final SiteMap map = new SiteMap();
    private final Map<String, NodeTreeItem> nodeItems = new HashMap<>();
    private Consumer<String> openNode = n -> {};
    private Consumer<String> openDevice = d -> {};

    public TopologyView(TopologyViewModel viewModel) {
        this.viewModel = viewModel;
        setId("topology-view");
        TextField search = new TextField();
        search.setId("topology-search");
        search.setPromptText("search: name, or label e.g. site=plant-a line=2");
        search.textProperty().bindBidirectional(viewModel.filterTextProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        ComboBox<String> health = new ComboBox<>(FXCollections.observableArrayList(ALL));
        Arrays.stream(NodeHealth.values()).forEach(h -> health.getItems().add(h.label()));
        health.setValue(ALL);
        health.setId("topology-health");
        health.valueProperty().addListener((obs, old, value) -> viewModel
                .healthFilterProperty()
                .set(Arrays.stream(NodeHealth.values())
                        .filter(h -> h.label().equals(value))
                        .findFirst()));
        Label summary = new Label();
        summary.setId("topology-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        Label freshness = Styles.freshnessLabel(viewModel.freshness(), "topology-freshness");
        Label error = Styles.error(viewModel.errorProperty());
        HBox bar = new HBox(8, search, health);
        VBox top = new VBox(4, bar, summary, freshness, error);
        top.setPadding(new Insets(6));
        setTop(top);

        tree.setId("topology-tree");
        tree.setCellFactory(t -> new TopologyCell());
        // Every row is one line: with a fixed size the tree's VirtualFlow stops measuring rows (an
        // updateItem and a CSS pass per measured row) to estimate its scroll bar.
        tree.setFixedCellSize(rowHeight());
        tree.setShowRoot(true);
        SplitPane split = new SplitPane(tree, map);
        split.setDividerPositions(0.45);
        setCenter(split);

        viewModel.sitesProperty().addListener((obs, old, sites) -> rebuild(sites));
        viewModel.onNodeChanged(this::updateNode);
        viewModel.onDevicesChanged(this::updateDevices);
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> showMapFor(item));
        tree.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected();
            }
        });
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        rebuild(viewModel.sitesProperty().get());
    }

    public void onOpenNode(Consumer<String> action) {
        openNode = action;
    }

    public void onOpenDevice(Consumer<String> action) {
        openDevice = action;
    }

    public TreeView<TopologyEntry> tree() {
        return tree;
    }

    private void rebuild(List<Site> sites) {
        Set<String> expandedNodes = new HashSet<>();
        nodeItems.forEach((name, item) -> {
            if (item.isExpanded()) {
                expandedNodes.add(name);
            }
        });
        nodeItems.clear();
        TreeItem<TopologyEntry> root = new TreeItem<>(
                new TopologyEntry.TenantEntry(viewModel.tenantProperty().get()));
        root.setExpanded(true);
        root.addEventHandler(TreeItem.<TopologyEntry>branchExpandedEvent(), e -> {
            if (e.getTreeItem() instanceof NodeTreeItem node && node.startLoadingDevices()) {
                viewModel.loadDevices(node.nodeName(), node::showDevices);
            }
        });
        for (Site site : sites) {
            TreeItem<TopologyEntry> siteItem = new TreeItem<>(new TopologyEntry.SiteEntry(site));
            siteItem.setExpanded(true);
            List<TreeItem<TopologyEntry>> children =
                    new ArrayList<>(site.nodes().size());
            for (NodeSummary node : site.nodes()) {
                NodeTreeItem item = new NodeTreeItem(node);
                nodeItems.put(node.name(), item);
                children.add(item);
            }
            siteItem.getChildren().setAll(children); // one change event per site, not one per node
            root.getChildren().add(siteItem);
        }
        tree.setRoot(root);
        expandedNodes.stream().map(nodeItems::get).filter(i -> i != null).forEach(i -> i.setExpanded(true));
        showMapFor(tree.getSelectionModel().getSelectedItem());
    }

    private void updateNode(NodeSummary node) {
        NodeTreeItem item = nodeItems.get(node.name());
        if (item != null) {
            item.update(node);
            if (map.showsSite(node.site())) {
                showMapFor(tree.getSelectionModel().getSelectedItem());
            }
        }
    }

    /** modena's natural row height (22 px at the default 13 px font), scaled with the platform's font. */
    private static double rowHeight() {
        return Math.ceil(Font.getDefault().getSize() * 22 / 13);
    }

    private void updateDevices(String node, List<DeviceSummary> devices) {
        map.devicesOf(node, devices);
        NodeTreeItem item = nodeItems.get(node);
        if (item != null && item.devicesRequested()) {
            item.showDevices(devices);
        }
    }

    private void showMapFor(TreeItem<TopologyEntry> item) {
        Optional<String> selectedNode = Optional.empty();
        TreeItem<TopologyEntry> at = item;
        while (at != null && !(at.getValue() instanceof TopologyEntry.SiteEntry)) {
            if (at.getValue() instanceof TopologyEntry.NodeEntry node) {
                selectedNode = Optional.of(node.node().name());
            }
            at = at.getParent();
        }
        Optional<Site> site = at == null ? Optional.empty() : Optional.of(currentSite(at));
        map.show(site, selectedNode);
    }

    /** The site item's nodes as they are now (node items are updated in place by events). */
    private static Site currentSite(TreeItem<TopologyEntry> siteItem) {
        Site site = ((TopologyEntry.SiteEntry) siteItem.getValue()).site();
        List<NodeSummary> nodes = siteItem.getChildren().stream()
                .map(TreeItem::getValue)
                .filter(TopologyEntry.NodeEntry.class::isInstance)
                .map(v -> ((TopologyEntry.NodeEntry) v).node())
                .toList();
        return new Site(site.name(), nodes);
    }

    private void openSelected() {
        TreeItem<TopologyEntry> item = tree.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        switch (item.getValue()) {
            case TopologyEntry.NodeEntry node -> openNode.accept(node.node().name());
            case TopologyEntry.DeviceEntry device ->
                openDevice.accept(device.device().name());
            default -> {
                // tenant, site and placeholder rows open nothing
            }
        }
    }
}
