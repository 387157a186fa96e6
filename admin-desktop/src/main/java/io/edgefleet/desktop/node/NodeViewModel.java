package io.edgefleet.desktop.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.desktop.api.FleetClient;
import io.edgefleet.desktop.api.Json;
import io.edgefleet.desktop.api.SseEvent;
import io.edgefleet.desktop.event.FleetEvent;
import io.edgefleet.desktop.ui.Dispatch;
import io.edgefleet.desktop.ui.Freshness;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One node's detail: the resource, its workloads and its 50 newest events, read together when the
 * node is opened and again when the nodes watch reports a change of it; events of the node from the
 * events watch are added on top.
 */
public final class NodeViewModel {
    /** Said in place of logs, which never reach the server (docs/architecture/desktop.md). */
    public static final String LOGS_NOTE = "Logs stay on the edge PC: the server does not collect them. Read them on"
            + " site with 'edgefleet-edge logs WORKLOAD' (the edge daemon's local API works without the cloud).";

    private static final int RECENT_EVENTS = 50;

    private final FleetClient client;
    private final Dispatch dispatch;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<Optional<NodeDetail>> detail = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ObservableList<NodeWorkload> workloads = FXCollections.observableArrayList();
    private final ObservableList<FleetEvent> events = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Freshness freshness = new Freshness();
    private Optional<String> shown = Optional.empty();

    public NodeViewModel(FleetClient client, Dispatch dispatch, Clock clock) {
        this.client = client;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    private record Loaded(NodeDetail detail, List<NodeWorkload> workloads, List<FleetEvent> events) {}

    public void show(String node) {
        shown = Optional.of(node);
        reload();
    }

    public void reload() {
        if (shown.isEmpty()) {
            return;
        }
        String node = shown.get();
        String encoded = URLEncoder.encode(node, StandardCharsets.UTF_8);
        dispatch.run(
                () -> {
                    NodeDetail read = NodeDetail.parse(
                            client.get("/api/v1/nodes/" + encoded).bodyOrThrow());
                    List<NodeWorkload> running = new ArrayList<>();
                    for (JsonNode item : client.get("/api/v1/nodes/" + encoded + "/workloads")
                            .bodyOrThrow()
                            .path("items")) {
                        running.add(NodeWorkload.parse(item));
                    }
                    List<FleetEvent> recent = new ArrayList<>();
                    for (JsonNode item : client.get("/api/v1/events?limit=" + RECENT_EVENTS + "&node=" + encoded)
                            .bodyOrThrow()
                            .path("items")) {
                        recent.add(FleetEvent.parse(item));
                    }
                    return new Loaded(read, running, recent);
                },
                loaded -> {
                    if (!shown.equals(Optional.of(loaded.detail().name()))) {
                        return; // another node was opened meanwhile
                    }
                    detail.set(Optional.of(loaded.detail()));
                    workloads.setAll(loaded.workloads());
                    events.setAll(loaded.events());
                    error.set("");
                    freshness.updated(clock.instant());
                },
                failure -> error.set("cannot load node " + node + ": " + failure.getMessage()));
    }

    /** A nodes-watch event: reload when it is about the node shown. */
    public void applyNodeEvent(SseEvent event) {
        String name = Json.parse(event.data()).path("metadata").path("name").asText();
        if (shown.equals(Optional.of(name))) {
            reload();
        }
    }

    /** An events-watch event: on top of the list when it concerns the node shown. */
    public void applyEvent(SseEvent event) {
        if (!"ADDED".equals(event.event()) || shown.isEmpty()) {
            return;
        }
        FleetEvent added = FleetEvent.parse(Json.parse(event.data()));
        if (shown.get().equals(added.node()) && events.stream().noneMatch(e -> e.id() == added.id())) {
            events.addFirst(added);
            if (events.size() > RECENT_EVENTS) {
                events.removeLast();
            }
        }
    }

    public Optional<String> shownNode() {
        return shown;
    }

    public ReadOnlyObjectProperty<Optional<NodeDetail>> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ObservableList<NodeWorkload> workloads() {
        return workloads;
    }

    public ObservableList<FleetEvent> events() {
        return events;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public Freshness freshness() {
        return freshness;
    }
}
