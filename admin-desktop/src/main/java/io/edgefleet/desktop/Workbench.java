package io.edgefleet.desktop;

import io.edgefleet.desktop.api.ApiAnswer;
import io.edgefleet.desktop.api.ConnectionMonitor;
import io.edgefleet.desktop.api.FleetClient;
import io.edgefleet.desktop.api.Json;
import io.edgefleet.desktop.api.SseEvent;
import io.edgefleet.desktop.api.WatchFeed;
import io.edgefleet.desktop.event.EventsView;
import io.edgefleet.desktop.event.EventsViewModel;
import io.edgefleet.desktop.node.NodeView;
import io.edgefleet.desktop.node.NodeViewModel;
import io.edgefleet.desktop.session.Session;
import io.edgefleet.desktop.topology.TopologyView;
import io.edgefleet.desktop.topology.TopologyViewModel;
import io.edgefleet.desktop.twin.TwinView;
import io.edgefleet.desktop.twin.TwinViewModel;
import io.edgefleet.desktop.ui.ConnectionBanner;
import io.edgefleet.desktop.ui.Dispatch;
import io.edgefleet.desktop.ui.Freshness;
import io.edgefleet.desktop.ui.MainWindow;
import io.edgefleet.desktop.workload.WorkloadsView;
import io.edgefleet.desktop.workload.WorkloadsViewModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Tab;
import javafx.util.Duration;

/**
 * Everything of a signed-in session: the view-models, their views in the main window, the watch
 * feeds that keep them live and the timers. Wiring only; the behaviour is in the view-models.
 */
public final class Workbench implements AutoCloseable {
    private final Session session;
    private final Dispatch dispatch;
    private final ScheduledExecutorService scheduler;
    private final Map<String, WatchFeed> feeds = new HashMap<>();
    private final Map<String, BooleanProperty> feedOpen = new HashMap<>();
    private final List<Timeline> timers = new ArrayList<>();
    private final TopologyViewModel topology;
    private final NodeViewModel node;
    private final TwinViewModel twin;
    private final WorkloadsViewModel workloads;
    private final EventsViewModel events;
    private final MainWindow window;
    private final TopologyView topologyView;
    private final TwinView twinView;

    public Workbench(Session session, Dispatch dispatch, ScheduledExecutorService scheduler, Clock clock) {
        this.session = session;
        this.dispatch = dispatch;
        this.scheduler = scheduler;
        FleetClient client = session.client();
        topology = new TopologyViewModel(client, dispatch, clock);
        node = new NodeViewModel(client, dispatch, clock);
        twin = new TwinViewModel(client, dispatch, clock);
        workloads = new WorkloadsViewModel(client, dispatch, clock);
        events = new EventsViewModel(client, dispatch, clock);

        ConnectionMonitor monitor = session.monitor();
        window = new MainWindow(
                new ConnectionBanner(monitor, clock),
                "signed in as " + session.me().username() + " (" + session.me().role() + ") at " + client.address()
                        + ", tenant " + session.me().tenant());
        topologyView = new TopologyView(topology);
        twinView = new TwinView(twin);
        window.add("tab-topology", "Topology", topologyView);
        window.add("tab-node", "Node", new NodeView(node));
        Tab twinTab = window.add("tab-twin", "Twin", twinView);
        window.add("tab-workloads", "Workloads", new WorkloadsView(workloads));
        window.add("tab-events", "Events", new EventsView(events));
        topologyView.onOpenNode(name -> {
            node.show(name);
            window.show("tab-node");
        });
        topologyView.onOpenDevice(name -> {
            twin.show(name);
            window.show("tab-twin");
        });

        markStale(topology.freshness(), "nodes", "devices");
        markStale(node.freshness(), "nodes");
        markStale(twin.freshness());
        markStale(workloads.freshness(), "workloads");
        markStale(events.freshness(), "events");

        monitor.probeWith(() -> client.get("/api/v1/me"));
        monitor.onReconnect(this::reloadAll);
        topology.onLoaded(version -> {
            startFeed("nodes", version, topology::applyNodeEvent, node::applyNodeEvent);
            startFeed("devices", version, topology::applyDeviceEvent);
        });
        repeat(Duration.seconds(1), topology::flushRecounts);
        repeat(Duration.seconds(5), () -> {
            if (twinTab.isSelected()) {
                twin.refresh();
            }
        });
    }

    /**
     * Reads everything for the first time; the watch feeds start from what each read returned. The
     * topology goes first and alone: it is the view the window opens on, and on a 2-core machine the
     * workloads and events reads and their watch streams competed with it for the server and the CPU.
     * They follow as soon as the topology is shown (or could not be read).
     */
    public void start() {
        topology.load(() -> {
            workloads.load(version -> startFeed("workloads", version, workloads::applyWatchEvent));
            events.load(version -> startFeed("events", version, events::applyWatchEvent, node::applyEvent));
        });
    }

    private void reloadAll() {
        topology.load();
        workloads.load(version -> {});
        events.load(version -> {});
        node.reload();
        twin.refresh();
    }

    /** A view is stale while the server is unreachable or one of the watches it depends on is broken. */
    private void markStale(Freshness freshness, String... kinds) {
        var stale = session.monitor().reachableProperty().not();
        for (String kind : kinds) {
            stale = stale.or(feedOpen(kind).not());
        }
        freshness.staleProperty().bind(stale);
    }

    private BooleanProperty feedOpen(String kind) {
        return feedOpen.computeIfAbsent(kind, k -> new SimpleBooleanProperty(true));
    }

    @SafeVarargs
    private void startFeed(String kind, long fromVersion, Consumer<SseEvent>... consumers) {
        if (feeds.containsKey(kind)) {
            return;
        }
        WatchFeed.Listener listener = new WatchFeed.Listener() {
            @Override
            public void event(SseEvent event) {
                dispatch.ui().execute(() -> {
                    for (Consumer<SseEvent> consumer : consumers) {
                        consumer.accept(event);
                    }
                });
            }

            @Override
            public void connected(boolean open) {
                dispatch.ui().execute(() -> feedOpen(kind).set(open));
            }

            @Override
            public long resync() {
                dispatch.ui().execute(Workbench.this::reloadAll);
                return currentVersion(kind);
            }
        };
        WatchFeed feed = new WatchFeed(
                session.client(),
                session.credentials(),
                kind,
                Optional.of(fromVersion),
                listener,
                session.monitor(),
                scheduler);
        feeds.put(kind, feed.start());
    }

    /** The tenant's version now, from the cheapest list of the kind: where a resynced watch goes on. */
    private long currentVersion(String kind) {
        ApiAnswer answer = session.client().get("/api/v1/" + kind + "?limit=1");
        return answer instanceof ApiAnswer.Ok ok ? Json.listVersion(ok.body()) : 0;
    }

    private void repeat(Duration every, Runnable action) {
        Timeline timeline = new Timeline(new KeyFrame(every, e -> action.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
        timers.add(timeline);
    }

    public MainWindow window() {
        return window;
    }

    public TopologyView topologyView() {
        return topologyView;
    }

    public TwinView twinView() {
        return twinView;
    }

    public TopologyViewModel topology() {
        return topology;
    }

    public NodeViewModel node() {
        return node;
    }

    public TwinViewModel twin() {
        return twin;
    }

    public WorkloadsViewModel workloads() {
        return workloads;
    }

    public EventsViewModel events() {
        return events;
    }

    @Override
    public void close() {
        timers.forEach(Timeline::stop);
        feeds.values().forEach(WatchFeed::close);
        feeds.clear();
    }
}
