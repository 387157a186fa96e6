package io.edgefleet.desktop.workload;

import io.edgefleet.desktop.ui.Styles;
import io.edgefleet.desktop.ui.Tables;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The workloads view: list with rollout bars, per-node progress of the selected one, form and JSON editor. */
public final class WorkloadsView extends SplitPane {

    public WorkloadsView(WorkloadsViewModel viewModel) {
        setId("workloads-view");
        TableView<RolloutStatus> list = new TableView<>(viewModel.workloads());
        list.setId("workloads-table");
        list.getColumns()
                .addAll(List.of(
                        Tables.<RolloutStatus>column("workload", 150, RolloutStatus::name),
                        Tables.<RolloutStatus>column("gen", 45, w -> Long.toString(w.generation())),
                        progressColumn("rollout", 110, RolloutStatus::progress),
                        Tables.<RolloutStatus>column("status", 230, RolloutStatus::describe)));
        list.setPlaceholder(new Label("no workloads"));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                viewModel.select(row.name());
            }
        });
        VBox left = new VBox(
                4,
                Styles.title("Workloads"),
                Styles.freshnessLabel(viewModel.freshness(), "workloads-freshness"),
                Styles.error(viewModel.errorProperty()),
                list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(6));

        Label heading = new Label("select a workload");
        heading.setStyle("-fx-font-weight: bold;");
        ProgressBar overall = new ProgressBar(0);
        overall.setId("workload-rollout-progress");
        overall.setPrefWidth(260);
        viewModel
                .selectedProperty()
                .addListener((obs, old, selected) -> selected.ifPresent(s -> {
                    heading.setText(s.name() + " generation " + s.generation() + ": " + s.describe());
                    overall.setProgress(s.progress());
                }));
        TableView<InstanceProgress> nodes = new TableView<>(viewModel.instances());
        nodes.setId("workload-instances");
        Function<InstanceProgress, Long> current = i -> viewModel
                .selectedProperty()
                .get()
                .map(RolloutStatus::generation)
                .orElse(0L);
        nodes.getColumns()
                .addAll(List.of(
                        Tables.<InstanceProgress>column("node", 130, InstanceProgress::node),
                        progressColumn("progress", 120, i -> i.progress(current.apply(i))),
                        Tables.<InstanceProgress>column("stage", 70, i -> i.stage(current.apply(i))),
                        Tables.<InstanceProgress>column("gen", 70, i -> i.generation() + "/" + i.assignedGeneration()),
                        Tables.<InstanceProgress>column("phase", 85, InstanceProgress::phase),
                        Tables.<InstanceProgress>column("restarts", 60, i -> Integer.toString(i.restarts())),
                        Tables.<InstanceProgress>column("message", 200, InstanceProgress::message)));
        nodes.setPlaceholder(new Label("no instances: no node matches the selector yet"));
        nodes.setPrefHeight(200);

        TabPane editor = new TabPane(new Tab("Form", form(viewModel)), new Tab("JSON", json(viewModel)));
        editor.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        editor.setId("workload-editor");
        Label message = new Label();
        message.setId("workload-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.styleProperty()
                .bind(viewModel.refusedProperty().map(r -> r ? Styles.STALE : "-fx-text-fill: #2e7d32;"));
        VBox right = new VBox(6, heading, overall, nodes, editor, message);
        VBox.setVgrow(editor, Priority.ALWAYS);
        right.setPadding(new Insets(6));
        getItems().addAll(left, right);
        setDividerPositions(0.42);
    }

    private static VBox form(WorkloadsViewModel viewModel) {
        TextField name = new TextField();
        name.setId("workload-form-name");
        TextField selector = new TextField();
        selector.setPromptText("label selector, e.g. site=plant-a (empty: every node)");
        TextField command = new TextField();
        command.setId("workload-form-command");
        command.setPromptText("shell command line, run with sh -c");
        ComboBox<String> restart = new ComboBox<>(FXCollections.observableArrayList("Always", "OnFailure", "Never"));
        restart.setValue("Always");
        Spinner<Integer> maxUnavailable = new Spinner<>(1, 1000, 1);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        grid.addRow(0, new Label("name"), name);
        grid.addRow(1, new Label("selector"), selector);
        grid.addRow(2, new Label("command"), command);
        grid.addRow(3, new Label("restart policy"), restart);
        grid.addRow(4, new Label("maxUnavailable"), maxUnavailable);
        GridPane.setHgrow(command, Priority.ALWAYS);
        Button toJson = new Button("Fill JSON from form");
        Button save = new Button("Save");
        save.setId("workload-form-save");
        Runnable fill = () -> viewModel.fillFromForm(new WorkloadForm(
                name.getText(), selector.getText(), command.getText(), restart.getValue(), maxUnavailable.getValue()));
        toJson.setOnAction(e -> fill.run());
        save.setOnAction(e -> {
            fill.run();
            viewModel.save();
        });
        VBox box = new VBox(6, grid, new HBox(8, toJson, save));
        box.setPadding(new Insets(6));
        return box;
    }

    private static VBox json(WorkloadsViewModel viewModel) {
        TextArea text = new TextArea();
        text.setId("workload-json");
        text.setStyle("-fx-font-family: monospace;");
        text.textProperty().bindBidirectional(viewModel.editorTextProperty());
        VBox.setVgrow(text, Priority.ALWAYS);
        Button save = new Button("Save (POST new, PUT with If-Match existing)");
        save.setId("workload-json-save");
        save.setOnAction(e -> viewModel.save());
        VBox box = new VBox(6, text, save);
        box.setPadding(new Insets(6));
        return box;
    }

    private static <T> TableColumn<T, Double> progressColumn(String title, double width, Function<T, Double> value) {
        TableColumn<T, Double> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            @Override
            protected void updateItem(Double progress, boolean empty) {
                super.updateItem(progress, empty);
                if (empty || progress == null) {
                    setGraphic(null);
                } else {
                    bar.setProgress(progress);
                    bar.setMaxWidth(Double.MAX_VALUE);
                    setGraphic(bar);
                }
            }
        });
        return column;
    }
}
