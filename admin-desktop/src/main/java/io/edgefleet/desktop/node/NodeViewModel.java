package io.edgefleet.desktop.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.desktop.api.ApiAnswer;
import io.edgefleet.desktop.api.FleetClient;
import io.edgefleet.desktop.api.Json;
import io.edgefleet.desktop.api.SseEvent;
import io.edgefleet.desktop.event.FleetEvent;
import io.edgefleet.desktop.ui.Dispatch;
import io.edgefleet.desktop.ui.Freshness;
import io.edgefleet.desktop.ui.Tables;
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
    /** Said above the logs, which the server reads on the edge PC only when asked (docs/architecture/desktop.md). */
    public static final String LOGS_NOTE = "Logs stay on the edge PC: select a workload to read its last lines there"
            + " now (the node must be Online). Without the cloud, on site: 'edgefleet-edge logs WORKLOAD'.";

    /** Lines of a workload's log read at a time: a screenful and some, well below the server's limit. */
    static final int LOG_LINES = 200;

    private static final int RECENT_EVENTS = 50;

    private final FleetClient client;
    private final Dispatch dispatch;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<Optional<NodeDetail>> detail = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ObservableList<NodeWorkload> workloads = FXCollections.observableArrayList();
    private final ObservableList<FleetEvent> events = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Freshness freshness = new Freshness();
    private final ObservableList<String> logLines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper logStatus = new ReadOnlyStringWrapper("");
    private Optional<String> shown = Optional.empty();

    public NodeViewModel(FleetClient client, Dispatch dispatch, Clock clock) {
        this.client = client;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    private record Loaded(NodeDetail detail, List<NodeWorkload> workloads, List<FleetEvent> events) {}

    public void show(String node) {
        if (!shown.equals(Optional.of(node))) {
            logLines.clear();
            logStatus.set("");
        }
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

    /**
     * Reads the last lines of {@code workload}'s stdout (or stderr) on the node shown, through the server,
     * which asks the edge PC now. A refusal (node offline, not answering, workload never ran there) is
     * shown as the server says it; the lines shown before stay until an answer replaces them.
     */
    public void loadLogs(String workload, boolean stderr) {
        if (shown.isEmpty()) {
            return;
        }
        String node = shown.get();
        String stream = stderr ? "stderr" : "stdout";
        String path = "/api/v1/nodes/" + URLEncoder.encode(node, StandardCharsets.UTF_8) + "/workloads/"
                + URLEncoder.encode(workload, StandardCharsets.UTF_8) + "/logs?stream=" + stream + "&lines="
                + LOG_LINES;
        logStatus.set("reading the " + stream + " of " + workload + " on " + node + " …");
        dispatch.run(
                () -> client.get(path),
                answer -> {
                    if (!shown.equals(Optional.of(node))) {
                        return;
                    }
                    switch (answer) {
                        case ApiAnswer.Ok ok -> {
                            List<String> lines = new ArrayList<>();
                            ok.body().path("lines").forEach(line -> lines.add(line.asText()));
                            logLines.setAll(lines);
                            logStatus.set(stream + " of " + workload + ": " + lines.size() + " line(s)"
                                    + (ok.body().path("truncated").asBoolean() ? ", older ones left out" : "")
                                    + ", read on " + node + " at " + Tables.time(Optional.of(clock.instant())));
                        }
                        case ApiAnswer.Refused refused ->
                            logStatus.set(refused.problem().message());
                    }
                },
                failure -> logStatus.set("cannot read the logs of " + workload + ": " + failure.getMessage()));
    }

    /** The lines of the log read last, oldest first. */
    public ObservableList<String> logLines() {
        return logLines;
    }

    /** What the logs pane says: which log it shows and when it was read, or why it could not be. */
    public ReadOnlyStringProperty logStatusProperty() {
        return logStatus.getReadOnlyProperty();
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
