package io.edgefleet.desktop.node;

import io.edgefleet.desktop.event.FleetEvent;
import io.edgefleet.desktop.ui.Styles;
import io.edgefleet.desktop.ui.Tables;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The node view: facts on top, then its workloads, its recent events, and the log of the workload
 * selected, read on the edge PC when it is selected (or refreshed).
 */
public final class NodeView extends VBox {
    private final Label title = Styles.title("No node selected: double-click a node in the topology");
    private final Label phase = new Label();
    private final Label lastSeen = new Label();
    private final Label agent = new Label();
    private final Label platform = new Label();
    private final Label labels = new Label();
    private final Label conditions = new Label();
    private final Label sync = new Label();

    public NodeView(NodeViewModel viewModel) {
        super(6);
        setId("node-view");
        setPadding(new Insets(8));
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(3);
        String[] names = {"phase", "last seen", "agent version", "platform", "labels", "conditions", "sync"};
        Label[] values = {phase, lastSeen, agent, platform, labels, conditions, sync};
        for (int i = 0; i < names.length; i++) {
            Label name = new Label(names[i]);
            name.setStyle(Styles.MUTED);
            facts.addRow(i, name, values[i]);
        }
        phase.setId("node-phase");
        labels.setId("node-labels");
        labels.setWrapText(true);

        TableView<NodeWorkload> workloads = new TableView<>(viewModel.workloads());
        workloads.setId("node-workloads");
        workloads
                .getColumns()
                .addAll(List.of(
                        Tables.<NodeWorkload>column("workload", 180, NodeWorkload::workload),
                        Tables.<NodeWorkload>column("generation", 80, w -> Long.toString(w.generation())),
                        Tables.<NodeWorkload>column("phase", 100, NodeWorkload::phase),
                        Tables.<NodeWorkload>column("restarts", 70, w -> Integer.toString(w.restarts())),
                        Tables.<NodeWorkload>column("last exit", 70, w -> w.lastExitCode()
                                .map(String::valueOf)
                                .orElse("")),
                        Tables.<NodeWorkload>column("since", 150, w -> Tables.time(w.since())),
                        Tables.<NodeWorkload>column("message", 300, NodeWorkload::message)));
        workloads.setPlaceholder(new Label("no workloads on this node"));
        workloads.setPrefHeight(170);

        TableView<FleetEvent> events = new TableView<>(viewModel.events());
        events.setId("node-events");
        events.getColumns()
                .addAll(List.of(
                        Tables.<FleetEvent>column("time", 150, e -> Tables.time(e.time())),
                        Tables.<FleetEvent>column("type", 70, FleetEvent::type),
                        Tables.<FleetEvent>column("reason", 140, FleetEvent::reason),
                        Tables.<FleetEvent>column("message", 420, FleetEvent::message)));
        events.setPlaceholder(new Label("no recent events"));
        events.setPrefHeight(170); // the log below takes the rest of the height

        TitledPane logsPane = new TitledPane("Logs", logs(viewModel, workloads));
        logsPane.setCollapsible(false);
        VBox.setVgrow(logsPane, Priority.ALWAYS);

        getChildren()
                .addAll(
                        title,
                        Styles.freshnessLabel(viewModel.freshness(), "node-freshness"),
                        Styles.error(viewModel.errorProperty()),
                        facts,
                        new Label("Workloads"),
                        workloads,
                        new Label("Recent events"),
                        events,
                        logsPane);
        viewModel.detailProperty().addListener((obs, old, detail) -> show(detail));
    }

    /** The note, a stdout/stderr switch with a refresh, what was read, and the lines (a virtualised list). */
    private static VBox logs(NodeViewModel viewModel, TableView<NodeWorkload> workloads) {
        Label note = new Label(NodeViewModel.LOGS_NOTE);
        note.setId("node-logs-note");
        note.setWrapText(true);
        note.setStyle(Styles.MUTED);
        CheckBox stderr = new CheckBox("stderr");
        stderr.setId("node-logs-stderr");
        Button refresh = new Button("Read again");
        refresh.setId("node-logs-refresh");
        Label status = new Label();
        status.setId("node-logs-status");
        status.textProperty().bind(viewModel.logStatusProperty());
        Runnable read = () -> {
            NodeWorkload selected = workloads.getSelectionModel().getSelectedItem();
            if (selected != null) {
                viewModel.loadLogs(selected.workload(), stderr.isSelected());
            }
        };
        workloads.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && (old == null || !old.workload().equals(now.workload()))) {
                read.run();
            }
        });
        stderr.setOnAction(e -> read.run());
        refresh.setOnAction(e -> read.run());
        refresh.disableProperty()
                .bind(workloads.getSelectionModel().selectedItemProperty().isNull());
        ListView<String> lines = new ListView<>(viewModel.logLines());
        lines.setId("node-logs");
        lines.setFixedCellSize(20);
        lines.setStyle("-fx-font-family: monospace;");
        lines.setPlaceholder(new Label("select a workload above to read its log"));
        lines.setPrefHeight(160);
        VBox.setVgrow(lines, Priority.ALWAYS);
        viewModel.logLines().addListener((javafx.collections.ListChangeListener<String>) change -> {
            if (!viewModel.logLines().isEmpty()) {
                lines.scrollTo(viewModel.logLines().size() - 1); // the newest line, as a tail shows it
            }
        });
        HBox controls = new HBox(8, stderr, refresh, status);
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(4, note, controls, lines);
    }

    private void show(Optional<NodeDetail> maybe) {
        if (maybe.isEmpty()) {
            return;
        }
        NodeDetail detail = maybe.get();
        title.setText("Node " + detail.name());
        phase.setText(detail.phase());
        lastSeen.setText(detail.lastSeen().map(t -> Tables.time(Optional.of(t))).orElse("never"));
        agent.setText(detail.agentVersion().isEmpty() ? "(not reported)" : detail.agentVersion());
        platform.setText(detail.platform() + (detail.hostname().isEmpty() ? "" : ", host " + detail.hostname()));
        labels.setText(
                detail.labels().isEmpty()
                        ? "(none)"
                        : detail.labels().entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("  ")));
        conditions.setText(detail.conditions().isEmpty() ? "(none reported)" : String.join("; ", detail.conditions()));
        sync.setText("applied version " + detail.appliedVersion() + ", outbox " + detail.outboxDepth());
    }
}
