package io.edgefleet.desktop.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.desktop.api.ApiAnswer;
import io.edgefleet.desktop.api.FleetClient;
import io.edgefleet.desktop.api.Json;
import io.edgefleet.desktop.api.SseEvent;
import io.edgefleet.desktop.ui.Dispatch;
import io.edgefleet.desktop.ui.Freshness;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workloads list, the selected workload's instances and the editor. A save POSTs a workload whose
 * name is new and PUTs one that exists with If-Match (the ETag read when it was selected), so an edit
 * based on an old version is refused (412) rather than overwriting someone else's change. The workloads
 * watch keeps the list and the instance rows live.
 */
public final class WorkloadsViewModel {
    private final FleetClient client;
    private final Dispatch dispatch;
    private final Clock clock;
    private final ObservableList<RolloutStatus> workloads = FXCollections.observableArrayList();
    private final ObservableList<InstanceProgress> instances = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Optional<RolloutStatus>> selected =
            new ReadOnlyObjectWrapper<>(Optional.empty());
    private final StringProperty editorText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Freshness freshness = new Freshness();
    private Optional<String> selectedEtag = Optional.empty();

    public WorkloadsViewModel(FleetClient client, Dispatch dispatch, Clock clock) {
        this.client = client;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    /** Reads the list; {@code then} gets its resourceVersion, where the watch starts. */
    public void load(LongConsumer then) {
        dispatch.run(
                () -> client.get("/api/v1/workloads?limit=1000").bodyOrThrow(),
                page -> {
                    List<RolloutStatus> read = new ArrayList<>();
                    page.path("items").forEach(w -> read.add(RolloutStatus.parse(w)));
                    workloads.setAll(read);
                    error.set("");
                    freshness.updated(clock.instant());
                    selected.get().ifPresent(s -> refreshSelected(s.name()));
                    then.accept(Json.listVersion(page));
                },
                failure -> error.set("cannot load workloads: " + failure.getMessage()));
    }

    private record Selection(
            RolloutStatus status, JsonNode workload, Optional<String> etag, List<InstanceProgress> instances) {}

    /** Opens a workload: its status, instances, and its JSON in the editor (with the ETag to save against). */
    public void select(String name) {
        read(name, true);
    }

    /** Reads status and instances again, leaving the editor and its ETag as they are. */
    private void refreshSelected(String name) {
        read(name, false);
    }

    private void read(String name, boolean fillEditor) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8);
        dispatch.run(
                () -> {
                    ApiAnswer answer = client.get("/api/v1/workloads/" + encoded);
                    JsonNode workload = answer.bodyOrThrow();
                    List<InstanceProgress> rows = new ArrayList<>();
                    client.get("/api/v1/workloads/" + encoded + "/instances?limit=1000")
                            .bodyOrThrow()
                            .path("items")
                            .forEach(i -> rows.add(InstanceProgress.parse(i)));
                    return new Selection(RolloutStatus.parse(workload), workload, ((ApiAnswer.Ok) answer).etag(), rows);
                },
                selection -> {
                    selected.set(Optional.of(selection.status()));
                    instances.setAll(selection.instances());
                    if (fillEditor) {
                        selectedEtag = selection.etag();
                        editorText.set(Json.pretty(editable(selection.workload())));
                    }
                    freshness.updated(clock.instant());
                },
                failure -> error.set("cannot load workload " + name + ": " + failure.getMessage()));
    }

    /** What a person edits: metadata name and labels, and the spec; the server owns the rest. */
    static ObjectNode editable(JsonNode workload) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ObjectNode metadata = out.putObject("metadata");
        metadata.put("name", workload.path("metadata").path("name").asText());
        if (workload.path("metadata").path("labels").isObject()) {
            metadata.set("labels", workload.path("metadata").path("labels"));
        }
        out.set("spec", workload.path("spec"));
        return out;
    }

    /** Starts a new workload in the editor from the form. */
    public void fillFromForm(WorkloadForm form) {
        editorText.set(Json.pretty(form.toJson()));
    }

    /** Saves the editor's JSON: PUT with If-Match when the name is the selected workload's, else POST. */
    public void save() {
        JsonNode body;
        try {
            body = Json.parse(editorText.get());
        } catch (IllegalArgumentException e) {
            refuse("the JSON does not parse: " + e.getMessage());
            return;
        }
        String name = body.path("metadata").path("name").asText("");
        if (name.isEmpty()) {
            refuse("metadata.name is missing");
            return;
        }
        boolean replace = selected.get().map(s -> s.name().equals(name)).orElse(false);
        Optional<String> ifMatch = replace ? selectedEtag : Optional.empty();
        String method = replace ? "PUT" : "POST";
        String path =
                replace ? "/api/v1/workloads/" + URLEncoder.encode(name, StandardCharsets.UTF_8) : "/api/v1/workloads";
        message.set((replace ? "replacing " : "creating ") + name + " …");
        refused.set(false);
        dispatch.run(
                () -> client.send(method, path, Optional.of(body), "application/json", ifMatch),
                answer -> {
                    switch (answer) {
                        case ApiAnswer.Ok ok -> {
                            refused.set(false);
                            message.set(name
                                    + (replace ? " replaced: generation " : " created: generation ")
                                    + ok.body()
                                            .path("metadata")
                                            .path("generation")
                                            .asLong());
                            load(version -> {});
                            select(name);
                        }
                        case ApiAnswer.Refused no ->
                            refuse("the server refused it: " + no.problem().message());
                    }
                },
                failure -> refuse("not saved: " + failure.getMessage()));
    }

    private void refuse(String reason) {
        refused.set(true);
        message.set(reason);
    }

    /** An event of {@code /api/v1/watch/workloads}: a workload change or an instance report. */
    public void applyWatchEvent(SseEvent event) {
        freshness.updated(clock.instant());
        JsonNode data = Json.parse(event.data());
        if ("instance".equals(event.event())) {
            String workload = data.path("workload").asText();
            String node = data.path("node").asText();
            if (selected.get().map(s -> s.name().equals(workload)).orElse(false)) {
                for (int i = 0; i < instances.size(); i++) {
                    if (instances.get(i).node().equals(node)) {
                        instances.set(i, instances.get(i).reported(data));
                        return;
                    }
                }
                refreshSelected(workload); // a node new to this workload: read its row
            }
            return;
        }
        RolloutStatus status = RolloutStatus.parse(data);
        int at = indexOf(status.name());
        if ("DELETED".equals(event.event())) {
            if (at >= 0) {
                workloads.remove(at);
            }
            return;
        }
        if (at >= 0) {
            workloads.set(at, status);
        } else {
            workloads.add(status);
        }
        if (selected.get().map(s -> s.name().equals(status.name())).orElse(false)) {
            refreshSelected(status.name()); // a new generation: the assignments changed
        }
    }

    private int indexOf(String name) {
        for (int i = 0; i < workloads.size(); i++) {
            if (workloads.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public ObservableList<RolloutStatus> workloads() {
        return workloads;
    }

    public ObservableList<InstanceProgress> instances() {
        return instances;
    }

    public ReadOnlyObjectProperty<Optional<RolloutStatus>> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public StringProperty editorTextProperty() {
        return editorText;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public Freshness freshness() {
        return freshness;
    }
}
