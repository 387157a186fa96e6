package io.edgefleet.desktop.twin;

import io.edgefleet.desktop.ui.Styles;
import io.edgefleet.desktop.ui.Tables;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The twin view: the property table, the desired-value editor and the history chart. */
public final class TwinView extends VBox {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private final TwinViewModel viewModel;
    private final TableView<TwinProperty> table;
    private final Label selected = new Label("select a property");
    private final TextField value = new TextField();
    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();
    private String selectedName = "";

    public TwinView(TwinViewModel viewModel) {
        super(6);
        this.viewModel = viewModel;
        setId("twin-view");
        setPadding(new Insets(8));
        Label title = Styles.title("No device selected: double-click a device in the topology");
        viewModel.deviceProperty().addListener((obs, old, device) -> title.setText("Twin of " + device));
        Label model = new Label();
        model.textProperty().bind(viewModel.modelNameProperty().map(m -> m.isEmpty() ? "" : "model " + m));

        table = new TableView<>(viewModel.properties());
        table.setId("twin-table");
        table.getColumns()
                .addAll(List.of(
                        Tables.<TwinProperty>column("property", 110, TwinProperty::name),
                        Tables.<TwinProperty>column("type", 55, TwinProperty::type),
                        Tables.<TwinProperty>column("unit", 45, TwinProperty::unit),
                        Tables.<TwinProperty>column("access", 80, p -> p.writable() ? "ReadWrite" : "ReadOnly"),
                        Tables.<TwinProperty>column("desired", 80, TwinProperty::desired),
                        Tables.<TwinProperty>column("set by", 90, TwinProperty::desiredBy),
                        Tables.<TwinProperty>column("reported", 90, TwinProperty::reported),
                        Tables.<TwinProperty>column("quality", 70, TwinProperty::quality),
                        Tables.<TwinProperty>column("time", 140, p -> Tables.time(p.sourceTime())),
                        Tables.<TwinProperty>column("delta", 70, TwinProperty::delta)));
        table.setPlaceholder(new Label("no twin loaded"));
        table.setPrefHeight(220);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> select(row));
        // A refresh replaces the rows: select the same property again without touching what is typed.
        viewModel.properties().addListener((ListChangeListener<TwinProperty>) change -> {
            if (!selectedName.isEmpty() && table.getSelectionModel().getSelectedItem() == null) {
                selectProperty(selectedName);
            }
        });

        value.setId("twin-desired-value");
        value.setPromptText("desired value");
        HBox.setHgrow(value, Priority.ALWAYS);
        Button set = new Button("Set desired");
        set.setId("twin-set-desired");
        set.setDefaultButton(false);
        set.setOnAction(e -> send());
        value.setOnAction(e -> send());
        Label message = new Label();
        message.setId("twin-edit-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.editMessageProperty());
        message.styleProperty()
                .bind(viewModel
                        .editRefusedProperty()
                        .map(refused -> refused ? Styles.STALE : "-fx-text-fill: #2e7d32;"));

        NumberAxis time = new NumberAxis();
        time.setForceZeroInRange(false);
        time.setAutoRanging(true);
        time.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return CLOCK.format(Instant.ofEpochSecond(seconds.longValue()));
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        NumberAxis values = new NumberAxis();
        values.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(time, values);
        chart.setId("twin-history-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.titleProperty()
                .bind(viewModel
                        .historyPropertyProperty()
                        .map(p -> p.isEmpty()
                                ? "history: select a property"
                                : "history of " + p + ", last hour (1-minute averages)"));
        chart.getData().add(series);
        VBox.setVgrow(chart, Priority.ALWAYS);
        viewModel.history().addListener((ListChangeListener<HistoryPoint>) change -> redrawChart());

        getChildren()
                .addAll(
                        new HBox(12, title, model),
                        Styles.freshnessLabel(viewModel.freshness(), "twin-freshness"),
                        Styles.error(viewModel.errorProperty()),
                        table,
                        new HBox(8, selected, value, set),
                        message,
                        chart);
    }

    private void select(TwinProperty row) {
        if (row == null) {
            return;
        }
        selected.setText(row.name() + ": "
                + viewModel.property(row.name()).map(PropertyModel::describe).orElse(row.type()));
        boolean another = !row.name().equals(selectedName);
        selectedName = row.name();
        if (another) {
            value.setText(row.desired().isEmpty() ? row.reported() : row.desired());
        }
        viewModel.loadHistory(row.name(), Duration.ofHours(1));
    }

    private void send() {
        TwinProperty row = table.getSelectionModel().getSelectedItem();
        viewModel.setDesired(row == null ? "" : row.name(), value.getText());
    }

    private void redrawChart() {
        series.getData()
                .setAll(viewModel.history().stream()
                        .map(p -> new XYChart.Data<Number, Number>(p.time().getEpochSecond(), p.value()))
                        .toList());
    }

    /** Selects a property by name, as a person clicking its row would. */
    public void selectProperty(String name) {
        for (TwinProperty row : table.getItems()) {
            if (row.name().equals(name)) {
                table.getSelectionModel().select(row);
                return;
            }
        }
    }
}
