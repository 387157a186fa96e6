package io.edgefleet.desktop.ui;

import static io.edgefleet.desktop.FakeFleetClient.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.desktop.FakeFleetClient;
import io.edgefleet.desktop.topology.TopologyEntry;
import io.edgefleet.desktop.topology.TopologyView;
import io.edgefleet.desktop.topology.TopologyViewModel;
import io.edgefleet.desktop.twin.TwinView;
import io.edgefleet.desktop.twin.TwinViewModel;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The views on the FX toolkit, headless (Monocle), fed by JSON fixtures: the tree shows tenant,
 * sites and nodes and loads a node's devices on expand; the twin editor refuses a ReadOnly value on
 * screen. The real-server runs of every view are in DesktopIT.
 */
@ExtendWith(ApplicationExtension.class)
class HeadlessViewsTest {
    private final FakeFleetClient server = new FakeFleetClient()
            .answer("/api/v1/topology", fixture("topology.json"))
            .answer("/api/v1/devices", fixture("devices-n2.json"))
            .answer("/api/v1/devices/press-1/twin", fixture("twin-press-1.json"), "\"55\"")
            .answer("/api/v1/device-models/hydraulic-press", fixture("device-model-press.json"))
            .answer("/api/v1/devices/press-1/history", fixture("history-temperature.json"));
    private TopologyViewModel topology;
    private TwinViewModel twin;

    @Start
    void start(Stage stage) {
        Dispatch inline = new Dispatch(Runnable::run, Runnable::run);
        topology = new TopologyViewModel(server, inline, Clock.systemUTC());
        twin = new TwinViewModel(server, inline, Clock.systemUTC());
        TabPane tabs = new TabPane();
        tabs.getTabs().add(new javafx.scene.control.Tab("Topology", new TopologyView(topology)));
        tabs.getTabs().add(new javafx.scene.control.Tab("Twin", new TwinView(twin)));
        stage.setScene(new Scene(tabs, 1100, 700));
        stage.show();
    }

    @Test
    void theTreeShowsSitesAndNodesAndReadsDevicesOnExpand(FxRobot robot) {
        robot.interact(() -> topology.load());
        TreeView<TopologyEntry> tree = robot.lookup("#topology-tree").queryAs(TreeView.class);
        assertThat(tree.getRoot().getChildren()).hasSize(2);
        assertThat(tree.getExpandedItemCount()).as("tenant, 2 sites, 4 nodes").isEqualTo(7);
        int before = server.requests().size();
        robot.interact(
                () -> tree.getRoot().getChildren().get(0).getChildren().get(1).setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(server.requests()).hasSize(before + 1);
        assertThat(tree.getExpandedItemCount()).isEqualTo(11);
        assertThat(robot.lookup("#topology-summary").queryAs(Label.class).getText())
                .contains("4 nodes");
    }

    @Test
    void rowsSayNameHealthAndCountsAndKeepTheirGraphicWhenTheyShowAnotherEntry(FxRobot robot) {
        robot.interact(() -> topology.load());
        TreeView<TopologyEntry> tree = robot.lookup("#topology-tree").queryAs(TreeView.class);
        List<String> shown = robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .map(TreeCell::getAccessibleText)
                .filter(Objects::nonNull)
                .toList();
        assertThat(shown)
                .contains(
                        "tenant default",
                        "plant-a  3 nodes: 1 online, 1 degraded, 1 offline · devices 13/16 online, 1 offline, 2 unknown",
                        "n1  Degraded  · devices 9/10 online, 1 offline",
                        "lab-pc  Pending  · devices 0/0 online");
        assertThat(tree.getFixedCellSize()).isPositive();

        TreeCell<?> first = robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> "n1  Degraded  · devices 9/10 online, 1 offline".equals(c.getAccessibleText()))
                .findFirst()
                .orElseThrow();
        Object graphic = first.getGraphic();
        robot.interact(() -> tree.getRoot().getChildren().getFirst().setExpanded(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(first.getGraphic())
                .as("the same graphic, only its text and colour change")
                .isSameAs(graphic);
        assertThat(first.getText()).isNull();
    }

    @Test
    void rowsThatTurnEmptyShowNoArrowAndRowsShowingANodeAgainDo(FxRobot robot) {
        robot.interact(() -> topology.load());
        TreeView<TopologyEntry> tree = robot.lookup("#topology-tree").queryAs(TreeView.class);
        robot.interact(() -> tree.getRoot().setExpanded(false));
        WaitForAsyncUtils.waitForFxEvents();
        List<TreeCell<?>> empty = robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .<TreeCell<?>>map(c -> c)
                .filter(TreeCell::isEmpty)
                .toList();
        assertThat(empty).isNotEmpty();
        assertThat(empty).as("no arrow left standing on an empty row").allSatisfy(c -> assertThat(
                        c.getDisclosureNode() == null
                                || !c.getDisclosureNode().isVisible()
                                || c.getDisclosureNode().getParent() == null)
                .isTrue());

        robot.interact(() -> tree.getRoot().setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        TreeCell<?> n1 = robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> "n1  Degraded  · devices 9/10 online, 1 offline".equals(c.getAccessibleText()))
                .findFirst()
                .orElseThrow();
        assertThat(n1.getDisclosureNode().isVisible())
                .as("a node with devices has its arrow")
                .isTrue();
    }

    @Test
    void theTwinEditorRefusesAReadOnlyValueOnScreen(FxRobot robot) {
        robot.interact(() -> {
            ((TabPane) robot.lookup(".tab-pane").query()).getSelectionModel().select(1);
            twin.show("press-1");
        });
        robot.interact(() -> ((TwinView) robot.lookup("#twin-view").query()).selectProperty("temperature"));
        robot.clickOn("#twin-desired-value").eraseText(10).write("5");
        robot.clickOn("#twin-set-desired");
        assertThat(robot.lookup("#twin-edit-message").queryAs(Label.class).getText())
                .contains("ReadOnly");
        assertThat(twin.patchesSent()).isZero();
    }
}
