package io.edgefleet.desktop.twin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.desktop.api.ApiAnswer;
import io.edgefleet.desktop.api.FleetClient;
import io.edgefleet.desktop.api.Json;
import io.edgefleet.desktop.ui.Dispatch;
import io.edgefleet.desktop.ui.Freshness;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One device's twin. {@link #show} reads the twin (its ETag too) and the device model; {@link
 * #setDesired} checks a typed value against the model and sends a JSON Merge Patch with If-Match only
 * when it fits, so a ReadOnly or out-of-range value never leaves the desktop; {@link #loadHistory}
 * reads one property's history in buckets for the chart. Reported values change all the time and the
 * twins watch carries desired changes only, so the view refreshes the twin every few seconds.
 */
public final class TwinViewModel {
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final FleetClient client;
    private final Dispatch dispatch;
    private final Clock clock;
    private final ObservableList<TwinProperty> properties = FXCollections.observableArrayList();
    private final ObservableList<HistoryPoint> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper editMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper editRefused = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper historyProperty = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Freshness freshness = new Freshness();
    private List<PropertyModel> model = List.of();
    private Optional<String> etag = Optional.empty();
    private int patchesSent;

    public TwinViewModel(FleetClient client, Dispatch dispatch, Clock clock) {
        this.client = client;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    private record Loaded(
            String device, String model, List<PropertyModel> properties, JsonNode twin, Optional<String> etag) {}

    public void show(String deviceName) {
        device.set(deviceName);
        editMessage.set("");
        history.clear();
        historyProperty.set("");
        refresh();
    }

    /** Reads the twin again (and the model, which may have changed). */
    public void refresh() {
        String name = device.get();
        if (name.isEmpty()) {
            return;
        }
        dispatch.run(
                () -> {
                    ApiAnswer.Ok twin = ok(client.get("/api/v1/devices/" + encode(name) + "/twin"));
                    String modelOfDevice = twin.body().path("model").asText();
                    JsonNode modelJson = client.get("/api/v1/device-models/" + encode(modelOfDevice))
                            .bodyOrThrow();
                    return new Loaded(
                            name, modelOfDevice, PropertyModel.parseModel(modelJson), twin.body(), twin.etag());
                },
                loaded -> {
                    if (!loaded.device().equals(device.get())) {
                        return;
                    }
                    model = loaded.properties();
                    modelName.set(loaded.model());
                    applyTwin(loaded.twin(), loaded.etag());
                    error.set("");
                },
                failure -> error.set("cannot load the twin of " + name + ": " + failure.getMessage()));
    }

    private void applyTwin(JsonNode twin, Optional<String> newEtag) {
        List<TwinProperty> rows = new ArrayList<>();
        twin.path("properties").forEach(p -> rows.add(TwinProperty.parse(p)));
        properties.setAll(rows);
        etag = newEtag;
        freshness.updated(clock.instant());
    }

    /** The model of one property of the device shown. */
    public Optional<PropertyModel> property(String name) {
        return model.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Checks {@code typed} against the model; sends it only when it fits. */
    public void setDesired(String propertyName, String typed) {
        Optional<PropertyModel> property = property(propertyName);
        if (property.isEmpty()) {
            refuse("unknown property '" + propertyName + "' (select a row of the twin)");
            return;
        }
        DesiredCheck check = DesiredValueCheck.check(property.get(), typed);
        switch (check) {
            case DesiredCheck.Refused refused -> refuse(refused.reason());
            case DesiredCheck.Accepted accepted -> send(propertyName, accepted.value());
        }
    }

    private void send(String propertyName, JsonNode value) {
        ObjectNode patch = Json.MAPPER.createObjectNode();
        patch.putObject("desired").set(propertyName, value);
        String name = device.get();
        patchesSent++;
        editMessage.set("sending " + propertyName + " = " + Json.display(value) + " …");
        editRefused.set(false);
        dispatch.run(
                () -> client.send(
                        "PATCH", "/api/v1/devices/" + encode(name) + "/twin", Optional.of(patch), MERGE_PATCH, etag),
                answer -> {
                    switch (answer) {
                        case ApiAnswer.Ok ok -> {
                            applyTwin(ok.body(), ok.etag());
                            editRefused.set(false);
                            editMessage.set("desired " + propertyName + " = " + Json.display(value)
                                    + " accepted; the node writes it to the device and reports it back");
                        }
                        case ApiAnswer.Refused refused ->
                            refuse("the server refused it: " + refused.problem().message());
                    }
                },
                failure -> refuse("not sent: " + failure.getMessage()));
    }

    private void refuse(String reason) {
        editRefused.set(true);
        editMessage.set(reason);
    }

    /** Reads {@code property}'s history over the last {@code window}, averaged in 60 buckets. */
    public void loadHistory(String property, Duration window) {
        String name = device.get();
        Instant to = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant from = to.minus(window);
        Duration step = Duration.ofSeconds(Math.max(1, window.toSeconds() / 60));
        historyProperty.set(property);
        dispatch.run(
                () -> HistoryPoint.parseBuckets(client.get("/api/v1/devices/" + encode(name) + "/history?property="
                                + encode(property) + "&from=" + from + "&to=" + to + "&step=" + step)
                        .bodyOrThrow()),
                points -> {
                    if (property.equals(historyProperty.get())) {
                        history.setAll(points);
                    }
                },
                failure -> error.set("cannot load the history of " + property + ": " + failure.getMessage()));
    }

    private static ApiAnswer.Ok ok(ApiAnswer answer) {
        answer.bodyOrThrow();
        return (ApiAnswer.Ok) answer;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    public ObservableList<TwinProperty> properties() {
        return properties;
    }

    public ObservableList<HistoryPoint> history() {
        return history;
    }

    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelNameProperty() {
        return modelName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty editMessageProperty() {
        return editMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editRefusedProperty() {
        return editRefused.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty historyPropertyProperty() {
        return historyProperty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public Freshness freshness() {
        return freshness;
    }

    /** How many patches left the desktop (the tests check that refused values never do). */
    public int patchesSent() {
        return patchesSent;
    }
}
