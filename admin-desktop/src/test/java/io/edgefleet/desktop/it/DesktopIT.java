package io.edgefleet.desktop.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.desktop.DesktopApp;
import io.edgefleet.desktop.Workbench;
import io.edgefleet.desktop.event.FleetEvent;
import io.edgefleet.desktop.topology.NodeHealth;
import io.edgefleet.desktop.topology.TopologyEntry;
import io.edgefleet.desktop.twin.TwinProperty;
import io.edgefleet.desktop.ui.Rendering;
import io.edgefleet.systemtest.harness.EdgeDaemon;
import io.edgefleet.systemtest.harness.FleetApi;
import io.edgefleet.systemtest.harness.FleetServer;
import io.edgefleet.systemtest.harness.MariaDbDatabase;
import io.edgefleet.systemtest.harness.SimulatedNode;
import io.edgefleet.testsupport.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop against a real EdgeFleet server (Liberty, its own MariaDB database) with one real edge
 * daemon running a simulated press and a workload, and simulated edges on the wire: sign in, each view
 * with live data (a screenshot of each goes to docs/images/), the twin editor's refusals, and the
 * banner, stale marking and recovery when the server is killed and started again. Headless (Monocle).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DesktopIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String EDGE = "press-pc";
    private static final String DEVICE = "press-1";
    private static final String PREFS = "io/edgefleet/desktop-it";

    @TempDir
    static Path work;

    static Path root;
    static MariaDbDatabase database;
    static FleetServer server;
    static FleetApi api;
    static EdgeDaemon edge;
    static final List<SimulatedNode> simulated = new ArrayList<>();
    static DesktopApp app;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startServerEdgesAndApp() throws Exception {
        root = Path.of(System.getProperty("edgefleet.root", ".."))
                .toAbsolutePath()
                .normalize();
        database = MariaDbDatabase.create("edgefleet_desktop_it_");
        Map<String, String> env = new HashMap<>(database.serverEnv());
        env.put("FLEET_HEARTBEAT_SECONDS", "2");
        // The simulated edges send no heartbeats: a long lease keeps them Online for the whole run.
        env.put("FLEET_LEASE_SECONDS", "600");
        server = FleetServer.prepare(root, work.resolve("server"), env);
        server.startAndAwaitReady(Duration.ofMinutes(3));
        api = server.api();
        seed();
        System.setProperty("edgefleet.desktop.prefs", PREFS);
        Rendering.beforeToolkitStarts(); // as DesktopMain does
        FxToolkit.registerPrimaryStage();
        app = (DesktopApp) FxToolkit.setupApplication(DesktopApp.class);
    }

    /** A real edge with a simulated press and the sample workload; three more nodes on the wire or pending. */
    private static void seed() throws Exception {
        edge = EdgeDaemon.prepare(
                root,
                work.resolve("edge/data"),
                server.baseUrl(),
                EDGE,
                Map.of("EDGEFLEET_RECONNECT_MIN_MS", "200", "EDGEFLEET_RECONNECT_MAX_MS", "1000"));
        edge.start(api.createEnrollmentToken(EDGE));
        await("the edge Online", () -> "Online".equals(api.phase(EDGE)));
        label(EDGE, "{\"site\":\"plant-a\",\"line\":\"1\"}");
        for (String node : List.of("ipc-a2", "ipc-b1")) {
            simulated.add(SimulatedNode.connect(enrollRetryingConflicts(node), 16));
        }
        enrollRetryingConflicts("lab-pc"); // enrolled, never connected: Pending
        await("simulated nodes Online", () -> "Online".equals(api.phase("ipc-b1")));
        label("ipc-a2", "{\"site\":\"plant-a\",\"line\":\"2\"}");
        label("ipc-b1", "{\"site\":\"plant-b\",\"line\":\"1\"}");

        assertThat(api.post("/api/v1/device-models", example("device-model-press.json"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/devices", example("device-press-1.json").replace("demo-edge-1", EDGE))
                        .statusCode())
                .isEqualTo(201);
        for (int i = 1; i <= 3; i++) {
            String device = "{\"metadata\":{\"name\":\"press-b" + i + "\"},\"spec\":{\"node\":\"ipc-b1\","
                    + "\"model\":\"hydraulic-press\",\"protocol\":\"simulated\",\"visitors\":{}}}";
            assertThat(api.post("/api/v1/devices", device).statusCode()).isEqualTo(201);
        }
        String workload =
                example("workload-line-counter.json").replace("\"selector\": \"\"", "\"selector\": \"site=plant-a\"");
        api.createWorkload(workload);
        await("the press reports its twin", () -> api.get("/api/v1/devices/" + DEVICE + "/twin")
                .path("properties")
                .get(0)
                .path("reported")
                .has("value"));
        observedStateOnTheWire();
    }

    /**
     * What the simulated edges would report if they ran devices: two presses Online and one Offline on
     * ipc-b1 (so it shows Degraded), and an hour of temperature readings for the history chart.
     */
    private static void observedStateOnTheWire() throws SQLException {
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE device SET state = 'Online' WHERE name IN ('press-b1', 'press-b2')");
            s.executeUpdate("UPDATE device SET state = 'Offline' WHERE name = 'press-b3'");
            long tenant;
            try (var rs = s.executeQuery("SELECT id FROM tenant WHERE name = 'default'")) {
                rs.next();
                tenant = rs.getLong(1);
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO reading (tenant_id, device_name, property, source_time, value_num, value_text, quality)"
                            + " VALUES (?, ?, 'temperature', ?, ?, ?, 'good')")) {
                Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
                for (int minute = 60; minute > 1; minute--) {
                    double value = 45 + 8 * Math.sin(minute / 6.0);
                    insert.setLong(1, tenant);
                    insert.setString(2, DEVICE);
                    insert.setTimestamp(3, Timestamp.from(now.minus(minute, ChronoUnit.MINUTES)));
                    insert.setDouble(4, value);
                    insert.setString(5, Double.toString(value));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            FxToolkit.cleanupApplication(app);
        } catch (RuntimeException | java.util.concurrent.TimeoutException e) {
            System.err.println("the app did not stop cleanly: " + e);
        }
        simulated.forEach(SimulatedNode::close);
        if (edge != null) {
            edge.stop();
        }
        if (server != null) {
            server.stop();
        }
        if (database != null) {
            database.close();
        }
        Preferences.userRoot().node(PREFS).removeNode();
    }

    @Test
    @Order(1)
    void signInRemembersTheAddressAndShowsTheTopologyWithLiveStatus() throws Exception {
        fx(() -> {
            ((TextField) robot.lookup("#login-address").query()).setText(server.baseUrl());
            ((TextField) robot.lookup("#login-user").query()).setText(FleetServer.ADMIN);
            return null;
        });
        robot.clickOn("#login-password").write(server.env("FLEET_ADMIN_PASSWORD"));
        robot.clickOn("#login-sign-in");
        try {
            await("the main window", () -> fx(() -> app.workbench().isPresent()));
        } catch (IllegalStateException e) {
            String said =
                    fx(() -> robot.lookup("#login-message").queryAs(Label.class).getText());
            throw new IllegalStateException(e.getMessage() + "; the sign-in form says: " + said, e);
        }
        assertThat(Preferences.userRoot().node(PREFS).get("server-address", "")).isEqualTo(server.baseUrl());
        assertThat(String.join(" ", Preferences.userRoot().node(PREFS).keys()))
                .as("the password is never stored")
                .doesNotContain("password");

        Workbench workbench = app.workbench().orElseThrow();
        await(
                "the four nodes in the tree",
                () -> fx(() -> workbench.topology().node("lab-pc").isPresent()));
        assertThat(fx(() -> workbench.topology().node(EDGE).orElseThrow().health()))
                .isEqualTo(NodeHealth.ONLINE);
        await(
                "ipc-b1 degraded by its offline press",
                () -> fx(() -> workbench.topology().node("ipc-b1").orElseThrow().health() == NodeHealth.DEGRADED));
        assertThat(fx(() -> workbench.topology().node("lab-pc").orElseThrow().health()))
                .isEqualTo(NodeHealth.PENDING);

        TreeView<TopologyEntry> tree = workbench.topologyView().tree();
        fx(() -> {
            TreeItem<TopologyEntry> plantA = tree.getRoot().getChildren().getFirst();
            TreeItem<TopologyEntry> pressPc = plantA.getChildren().stream()
                    .filter(i -> i.getValue() instanceof TopologyEntry.NodeEntry n
                            && n.node().name().equals(EDGE))
                    .findFirst()
                    .orElseThrow();
            pressPc.setExpanded(true);
            tree.getSelectionModel().select(pressPc);
            return null;
        });
        await("the press under its node", () -> fx(() -> tree.getExpandedItemCount() >= 8));
        screenshot("desktop-topology");

        robot.clickOn("#topology-search").write("site=plant-b");
        await("the filter", () -> fx(() -> tree.getRoot().getChildren().size() == 1));
        fx(() -> {
            ((TextField) robot.lookup("#topology-search").query()).setText("");
            return null;
        });
    }

    @Test
    @Order(2)
    void theNodeViewShowsWorkloadsEventsAndAWorkloadsLogReadOnTheNode() throws Exception {
        Workbench workbench = app.workbench().orElseThrow();
        fx(() -> {
            workbench.node().show(EDGE);
            workbench.window().show("tab-node");
            return null;
        });
        await(
                "line-counter Running on the node",
                () -> fx(() -> workbench.node().workloads().stream()
                        .anyMatch(w ->
                                w.workload().equals("line-counter") && w.phase().equals("Running"))));
        assertThat(fx(() ->
                        workbench.node().detailProperty().get().orElseThrow().labels()))
                .containsEntry("site", "plant-a");
        assertThat(robot.lookup("#node-logs-note").queryAs(Label.class).getText())
                .contains("stay on the edge PC");
        fx(() -> {
            // As a person does it: selecting the workload reads its log on the edge PC.
            robot.lookup("#node-workloads")
                    .queryAs(TableView.class)
                    .getSelectionModel()
                    .select(0);
            return null;
        });
        await(
                "the line counter's log, read on the edge PC",
                () -> fx(() -> workbench.node().logLines().stream().anyMatch(l -> l.contains("parts counted"))));
        screenshot("desktop-node");
    }

    @Test
    @Order(3)
    void theTwinViewRefusesBadValuesBeforeSendingAndSetsAGoodOne() throws Exception {
        Workbench workbench = app.workbench().orElseThrow();
        fx(() -> {
            workbench.twin().show(DEVICE);
            workbench.window().show("tab-twin");
            return null;
        });
        await("the twin", () -> fx(() -> workbench.twin().properties().size() == 4));
        fx(() -> {
            workbench.twinView().selectProperty("setpoint");
            return null;
        });
        robot.clickOn("#twin-desired-value").eraseText(12).write("11");
        robot.clickOn("#twin-set-desired");
        assertThat(robot.lookup("#twin-edit-message").queryAs(Label.class).getText())
                .contains("at most 10.0 bar");
        assertThat(workbench.twin().patchesSent()).isZero();

        robot.clickOn("#twin-desired-value").eraseText(12).write("6.5");
        robot.clickOn("#twin-set-desired");
        await(
                "the server accepted 6.5",
                () -> fx(() -> workbench.twin().editMessageProperty().get().contains("accepted")));
        await(
                "the press reports 6.5",
                () -> fx(() -> {
                    workbench.twin().refresh();
                    return workbench.twin().properties().stream()
                            .filter(p -> p.name().equals("setpoint"))
                            .map(TwinProperty::reported)
                            .anyMatch("6.5"::equals);
                }));
        fx(() -> {
            workbench.twinView().selectProperty("temperature");
            return null;
        });
        await(
                "the temperature history",
                () -> fx(() -> workbench.twin().history().size() > 30));
        screenshot("desktop-twin");
    }

    @Test
    @Order(4)
    void theWorkloadsViewShowsRolloutProgressPerNode() throws Exception {
        Workbench workbench = app.workbench().orElseThrow();
        fx(() -> {
            workbench.window().show("tab-workloads");
            workbench.workloads().select("line-counter");
            return null;
        });
        await(
                "an instance per plant-a node",
                () -> fx(() -> workbench.workloads().instances().size() == 2));
        await(
                "the real edge runs it",
                () -> fx(() -> workbench.workloads().instances().stream()
                        .anyMatch(i -> i.node().equals(EDGE) && i.phase().equals("Running"))));
        screenshot("desktop-workloads");
    }

    @Test
    @Order(5)
    void theEventsViewIsLiveAndFilterable() throws Exception {
        Workbench workbench = app.workbench().orElseThrow();
        fx(() -> {
            workbench.window().show("tab-events");
            return null;
        });
        await("events", () -> fx(() -> !workbench.events().shown().isEmpty()));
        int before = fx(() -> workbench.events().shown().size());
        api.mergePatch("/api/v1/devices/" + DEVICE + "/twin", "{\"desired\":{\"setpoint\":7}}");
        await(
                "a new event arrives live",
                () -> fx(() -> workbench.events().shown().size() > before));
        screenshot("desktop-events");
        fx(() -> {
            workbench.events().typeFilterProperty().set("Warning");
            return null;
        });
        assertThat(fx(() -> workbench.events().shown().stream().allMatch(FleetEvent::isWarning)))
                .isTrue();
        fx(() -> {
            workbench.events().typeFilterProperty().set("");
            return null;
        });
    }

    @Test
    @Order(6)
    void whenTheServerIsGoneABannerSaysSoViewsAreMarkedStaleAndAllComesBack() throws Exception {
        Workbench workbench = app.workbench().orElseThrow();
        fx(() -> {
            workbench.window().show("tab-topology");
            return null;
        });
        server.kill();
        await(
                "the banner",
                () -> fx(() -> robot.lookup("#connection-banner").query().isVisible()));
        await(
                "the topology marked stale",
                () -> fx(() -> workbench.topology().freshness().isStale()));
        assertThat(robot.lookup("#topology-freshness").queryAs(Label.class).getText())
                .startsWith("STALE");
        assertThat(robot.lookup("#connection-banner-text").queryAs(Label.class).getText())
                .contains("Server unreachable");
        screenshot("desktop-unreachable");

        server.startAndAwaitReady(Duration.ofMinutes(3));
        await(
                "the banner gone after a retry",
                () -> fx(() -> !robot.lookup("#connection-banner").query().isVisible()));
        await("fresh again", () -> fx(() -> !workbench.topology().freshness().isStale()));
        api.mergePatch("/api/v1/nodes/ipc-a2", "{\"metadata\":{\"labels\":{\"line\":\"7\"}}}");
        await(
                "a change after the restart arrives through the resumed watch",
                () -> fx(() -> "7"
                        .equals(workbench
                                .topology()
                                .node("ipc-a2")
                                .orElseThrow()
                                .labels()
                                .get("line"))));
    }

    /**
     * Since events advance the tenant's version, an enrollment can meet a concurrent change (the real
     * edge's traffic) and be answered 409 "conflict; retry", as its hint says to.
     */
    private static FleetApi.Enrollment enrollRetryingConflicts(String node) {
        for (int attempt = 1; ; attempt++) {
            try {
                return api.enroll(node);
            } catch (IllegalStateException e) {
                if (attempt == 5 || !e.getMessage().contains("409")) {
                    throw e;
                }
            }
        }
    }

    private static void label(String node, String labels) {
        api.mergePatch("/api/v1/nodes/" + node, "{\"metadata\":{\"labels\":" + labels + "}}");
    }

    private static String example(String name) throws java.io.IOException {
        return Files.readString(root.resolve("docs/examples/" + name));
    }

    private static void screenshot(String name) {
        Scene scene = robot.listTargetWindows().stream()
                .filter(w -> w.getScene() != null && w.isShowing())
                .findFirst()
                .orElseThrow()
                .getScene();
        Screenshots.save(root, scene, name);
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
    }

    private static void await(String what, Callable<Boolean> condition) {
        Wait.until(what, WAIT, Duration.ofMillis(200), () -> {
            try {
                return condition.call();
            } catch (Exception e) {
                return false;
            }
        });
    }
}
