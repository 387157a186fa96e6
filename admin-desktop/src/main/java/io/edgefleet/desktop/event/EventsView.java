package io.edgefleet.desktop.event;

import io.edgefleet.desktop.ui.Styles;
import io.edgefleet.desktop.ui.Tables;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The events view: a live, filterable table, newest first; warnings in red. */
public final class EventsView extends BorderPane {

    public EventsView(EventsViewModel viewModel) {
        setId("events-view");
        ComboBox<String> type = new ComboBox<>(FXCollections.observableArrayList("All", "Normal", "Warning"));
        type.setId("events-type");
        type.setValue("All");
        type.valueProperty()
                .addListener((obs, old, value) -> viewModel.typeFilterProperty().set("All".equals(value) ? "" : value));
        TextField text = new TextField();
        text.setId("events-search");
        text.setPromptText("filter: reason, node, object or message");
        text.textProperty().bindBidirectional(viewModel.textFilterProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Label count = new Label();
        count.textProperty()
                .bind(javafx.beans.binding.Bindings.size(viewModel.shown()).asString("%d events shown"));
        VBox top = new VBox(
                4,
                new HBox(8, Styles.title("Events"), type, text),
                count,
                Styles.freshnessLabel(viewModel.freshness(), "events-freshness"),
                Styles.error(viewModel.errorProperty()));
        top.setPadding(new Insets(6));
        setTop(top);

        TableView<FleetEvent> table = new TableView<>(viewModel.shown());
        table.setId("events-table");
        table.getColumns()
                .addAll(List.of(
                        Tables.<FleetEvent>column("time", 150, e -> Tables.time(e.time())),
                        Tables.<FleetEvent>column("type", 70, FleetEvent::type),
                        Tables.<FleetEvent>column("reason", 140, FleetEvent::reason),
                        Tables.<FleetEvent>column("object", 160, e -> e.involvedKind() + "/" + e.involvedName()),
                        Tables.<FleetEvent>column("node", 110, FleetEvent::node),
                        Tables.<FleetEvent>column("message", 360, FleetEvent::message),
                        Tables.<FleetEvent>column("by", 90, FleetEvent::actor)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(FleetEvent event, boolean empty) {
                super.updateItem(event, empty);
                setStyle(!empty && event != null && event.isWarning() ? "-fx-text-background-color: #c62828;" : "");
            }
        });
        table.setPlaceholder(new Label("no events"));
        setCenter(table);
    }
}
