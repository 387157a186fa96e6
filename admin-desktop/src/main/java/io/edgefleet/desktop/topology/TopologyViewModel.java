package io.edgefleet.desktop.topology;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.desktop.api.FleetClient;
import io.edgefleet.desktop.api.Json;
import io.edgefleet.desktop.api.SseEvent;
import io.edgefleet.desktop.ui.Dispatch;
import io.edgefleet.desktop.ui.Freshness;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The topology's state. Loaded whole from {@code GET /api/v1/topology}, then kept live: node events
 * (phase, labels) change one node in place; device events mark their node for a recount, done in
 * batches by {@link #flushRecounts} from the node's device list, so a burst of device changes costs one
 * call per node. A node's devices are read only when its tree item is expanded. Everything here runs
 * on the UI thread; server calls go through {@link Dispatch}.
 */
public final class TopologyViewModel {
    private static final Comparator<Site> SITE_ORDER =
            Comparator.comparing((Site s) -> s.name().isEmpty()).thenComparing(Site::name);

    private final FleetClient client;
    private final Dispatch dispatch;
    private final Clock clock;
    private final Map<String, NodeSummary> nodes = new TreeMap<>();
    private final Set<String> pendingRecounts = new LinkedHashSet<>();
    private final ReadOnlyObjectWrapper<List<Site>> sites = new ReadOnlyObjectWrapper<>(List.of());
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ObjectProperty<Optional<NodeHealth>> healthFilter = new SimpleObjectProperty<>(Optional.empty());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tenant = new ReadOnlyStringWrapper("");
    private final Freshness freshness = new Freshness();
    private final List<Consumer<NodeSummary>> nodeChanged = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<String, List<DeviceSummary>>> devicesChanged = new CopyOnWriteArrayList<>();
    private final List<Consumer<Long>> loaded = new CopyOnWriteArrayList<>();
    private TopologyFilter filter = TopologyFilter.ALL;
    private long resourceVersion;

    public TopologyViewModel(FleetClient client, Dispatch dispatch, Clock clock) {
        this.client = client;
        this.dispatch = dispatch;
        this.clock = clock;
        filterText.addListener((obs, old, text) -> refilter());
        healthFilter.addListener((obs, old, health) -> refilter());
    }

    /** Reads the whole topology again; the listeners of {@link #onLoaded} get its resourceVersion. */
    public void load() {
        load(() -> {});
    }

    /** As {@link #load()}, then runs {@code afterwards} on the UI thread, whether the read worked or not. */
    public void load(Runnable afterwards) {
        dispatch.run(
                () -> client.read("/api/v1/topology", TopologyJson.ACCEPT, TopologyJson::read),
                topology -> {
                    apply(topology);
                    afterwards.run();
                },
                failure -> {
                    error.set("cannot load the topology: " + failure.getMessage());
                    afterwards.run();
                });
    }

    void apply(Topology topology) {
        nodes.clear();
        topology.nodes().forEach(n -> nodes.put(n.name(), n));
        resourceVersion = topology.resourceVersion();
        tenant.set(topology.tenant());
        error.set("");
        freshness.updated(clock.instant());
        rebuild();
        loaded.forEach(l -> l.accept(topology.resourceVersion()));
    }

    /** An event of {@code /api/v1/watch/nodes}: enrollment, phase or label change, deletion. */
    public void applyNodeEvent(SseEvent event) {
        JsonNode json = Json.parse(event.data());
        String name = json.path("metadata").path("name").asText();
        NodeSummary before = nodes.get(name);
        freshness.updated(clock.instant());
        if ("DELETED".equals(event.event())) {
            if (nodes.remove(name) != null) {
                rebuild();
            }
            return;
        }
        NodeSummary after = NodeSummary.parseResource(json, before == null ? DeviceCounts.NONE : before.devices());
        nodes.put(name, after);
        boolean moved = before == null
                || !before.site().equals(after.site())
                || filter.matches(before) != filter.matches(after);
        if (moved) {
            rebuild();
        } else {
            nodeChanged.forEach(l -> l.accept(after));
            updateSummary();
        }
    }

    /** An event of {@code /api/v1/watch/devices}: its node's counts are recounted at the next flush. */
    public void applyDeviceEvent(SseEvent event) {
        DeviceSummary device = DeviceSummary.parse(Json.parse(event.data()));
        freshness.updated(clock.instant());
        if (nodes.containsKey(device.node())) {
            pendingRecounts.add(device.node());
        }
    }

    /** Recounts the devices of every node that had device events since the last flush. */
    public void flushRecounts() {
        List<String> names = new ArrayList<>(pendingRecounts);
        pendingRecounts.clear();
        for (String name : names) {
            loadDevices(name, devices -> {});
        }
    }

    /** Reads a node's devices (all pages), updates its counts and hands the list to {@code then}. */
    public void loadDevices(String node, Consumer<List<DeviceSummary>> then) {
        dispatch.run(
                () -> readDevices(node),
                devices -> {
                    NodeSummary current = nodes.get(node);
                    if (current != null) {
                        NodeSummary counted = current.withDevices(DeviceCounts.of(devices));
                        nodes.put(node, counted);
                        if (!counted.equals(current)) {
                            nodeChanged.forEach(l -> l.accept(counted));
                            updateSummary();
                        }
                    }
                    devicesChanged.forEach(l -> l.accept(node, devices));
                    then.accept(devices);
                },
                failure -> error.set("cannot load the devices of " + node + ": " + failure.getMessage()));
    }

    private List<DeviceSummary> readDevices(String node) {
        List<DeviceSummary> devices = new ArrayList<>();
        String base = "/api/v1/devices?limit=1000&node=" + URLEncoder.encode(node, StandardCharsets.UTF_8);
        Optional<String> next = Optional.empty();
        do {
            String path = next.map(c -> base + "&continue=" + URLEncoder.encode(c, StandardCharsets.UTF_8))
                    .orElse(base);
            JsonNode page = client.get(path).bodyOrThrow();
            page.path("items").forEach(item -> devices.add(DeviceSummary.parse(item)));
            String token = page.path("metadata").path("continue").asText("");
            next = token.isEmpty() ? Optional.empty() : Optional.of(token);
        } while (next.isPresent());
        return devices;
    }

    private void refilter() {
        filter = TopologyFilter.parse(filterText.get(), healthFilter.get());
        rebuild();
    }

    private void rebuild() {
        Map<String, List<NodeSummary>> bySite = new TreeMap<>();
        for (NodeSummary node : nodes.values()) {
            if (filter.matches(node)) {
                bySite.computeIfAbsent(node.site(), s -> new ArrayList<>()).add(node);
            }
        }
        List<Site> grouped = new ArrayList<>();
        bySite.forEach((name, members) -> grouped.add(new Site(name, members)));
        grouped.sort(SITE_ORDER);
        sites.set(List.copyOf(grouped));
        updateSummary();
    }

    private void updateSummary() {
        long online = 0;
        long degraded = 0;
        long offline = 0;
        long pending = 0;
        DeviceCounts devices = DeviceCounts.NONE;
        for (NodeSummary node : nodes.values()) {
            switch (node.health()) {
                case ONLINE -> online++;
                case DEGRADED -> degraded++;
                case OFFLINE -> offline++;
                case PENDING -> pending++;
            }
            devices = devices.plus(node.devices());
        }
        long shown = sites.get().stream().mapToLong(s -> s.nodes().size()).sum();
        summary.set(String.format(
                "%,d nodes (%,d shown): %,d online, %,d degraded, %,d offline, %,d pending · devices %s",
                nodes.size(), shown, online, degraded, offline, pending, devices.describe()));
    }

    public Optional<NodeSummary> node(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    public long resourceVersion() {
        return resourceVersion;
    }

    public void onNodeChanged(Consumer<NodeSummary> listener) {
        nodeChanged.add(listener);
    }

    public void onDevicesChanged(BiConsumer<String, List<DeviceSummary>> listener) {
        devicesChanged.add(listener);
    }

    public void onLoaded(Consumer<Long> listener) {
        loaded.add(listener);
    }

    public ReadOnlyObjectProperty<List<Site>> sitesProperty() {
        return sites.getReadOnlyProperty();
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<Optional<NodeHealth>> healthFilterProperty() {
        return healthFilter;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tenantProperty() {
        return tenant.getReadOnlyProperty();
    }

    public Freshness freshness() {
        return freshness;
    }
}
