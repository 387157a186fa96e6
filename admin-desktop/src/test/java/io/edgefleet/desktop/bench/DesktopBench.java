package io.edgefleet.desktop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.desktop.Workbench;
import io.edgefleet.desktop.api.ApiAnswer;
import io.edgefleet.desktop.api.Backoff;
import io.edgefleet.desktop.api.ConnectionMonitor;
import io.edgefleet.desktop.api.Credentials;
import io.edgefleet.desktop.api.FleetClient;
import io.edgefleet.desktop.api.HttpFleetClient;
import io.edgefleet.desktop.api.ServerAddress;
import io.edgefleet.desktop.session.Session;
import io.edgefleet.desktop.topology.TopologyEntry;
import io.edgefleet.desktop.ui.Dispatch;
import io.edgefleet.systemtest.harness.FleetServer;
import io.edgefleet.systemtest.harness.MariaDbDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;

/**
 * The desktop with a fleet of 10,000 nodes and 100,000 devices on a real server: time from asking the
 * server for the topology to the first pulse whose layout holds node rows in the tree; pulse-to-pulse
 * intervals while the tree is scrolled programmatically, a few rows every frame; VmRSS of this JVM (the
 * desktop; the server is another process). Headless: Monocle's glass with the software renderer.
 */
public final class DesktopBench {
    private static final FleetSeed.Fleet FLEET = new FleetSeed.Fleet(20, 500, 10);
    private static final int SCROLL_FRAMES = 600;
    private static final int ROWS_PER_FRAME = 7;

    private DesktopBench() {}

    public static void main(String[] args) throws Exception {
        headlessUnlessSet();
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("edgefleet-bench-desktop");
        System.err.println("== benchmark desktop (work dir " + work + ")");
        try (MariaDbDatabase database = MariaDbDatabase.create("edgefleet_bench_desktop_")) {
            Map<String, String> env = new HashMap<>(database.serverEnv());
            env.put("FLEET_LEASE_SECONDS", "86400"); // seeded nodes send no heartbeats
            FleetServer server = FleetServer.prepare(root, work.resolve("server"), env);
            try {
                Duration ready = server.startAndAwaitReady(Duration.ofMinutes(3));
                System.err.printf("  .. server ready in %.1f s%n", ready.toMillis() / 1000.0);
                long seedStart = System.nanoTime();
                FleetSeed.seed(database, server.api(), FLEET);
                System.err.printf(
                        "  .. seeded %,d nodes and %,d devices in %.1f s%n",
                        FLEET.nodes(), FLEET.devices(), (System.nanoTime() - seedStart) / 1e9);
                measure(server);
            } finally {
                server.stop();
                Platform.exit();
            }
        }
        deleteQuietly(work);
        System.exit(0);
    }

    private static void measure(FleetServer server) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-timers");
            t.setDaemon(true);
            return t;
        });
        ConnectionMonitor monitor =
                new ConnectionMonitor(Platform::runLater, scheduler, Backoff.standard(), Clock.systemUTC());
        Credentials credentials = new Credentials(FleetServer.ADMIN, server.env("FLEET_ADMIN_PASSWORD"));
        HttpFleetClient client = new HttpFleetClient(ServerAddress.parse(server.baseUrl()), credentials, monitor);
        AtomicLong answeredAt = new AtomicLong();
        FleetClient timed = new FleetClient() {
            @Override
            public ApiAnswer get(String path) {
                ApiAnswer answer = client.get(path);
                if (path.equals("/api/v1/topology")) {
                    answeredAt.compareAndSet(0, System.nanoTime());
                }
                return answer;
            }

            @Override
            public ApiAnswer send(
                    String method, String path, Optional<JsonNode> body, String contentType, Optional<String> ifMatch) {
                return client.send(method, path, body, contentType, ifMatch);
            }

            @Override
            public ServerAddress address() {
                return client.address();
            }
        };
        Session session = new Session(timed, credentials, monitor, new Session.Me(FleetServer.ADMIN, "", "default"));

        List<Long> pulses = Collections.synchronizedList(new ArrayList<>());
        AtomicLong askedAt = new AtomicLong();
        AtomicLong paintedAt = new AtomicLong();
        CountDownLatch painted = new CountDownLatch(1);
        Workbench[] holder = new Workbench[1];
        onFx(() -> {
            Workbench workbench = new Workbench(session, Dispatch.fx(), scheduler, Clock.systemUTC());
            holder[0] = workbench;
            Stage stage = new Stage();
            Scene scene = new Scene(workbench.window(), 1280, 800);
            stage.setScene(scene);
            stage.show();
            TreeView<TopologyEntry> tree = workbench.topologyView().tree();
            scene.addPostLayoutPulseListener(() -> {
                long now = System.nanoTime();
                pulses.add(now);
                if (paintedAt.get() == 0 && askedAt.get() != 0 && showsNodeRows(tree)) {
                    paintedAt.set(now);
                    painted.countDown();
                }
            });
        });
        Thread.sleep(1000); // the empty window settles: the toolkit's start is not the topology's paint
        onFx(() -> {
            askedAt.set(System.nanoTime());
            holder[0].start();
        });
        if (!painted.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the topology was not painted within 120 s");
        }
        print("topology_paint_ms_10k", (paintedAt.get() - askedAt.get()) / 1e6, "ms");
        print("topology_answer_ms_10k", (answeredAt.get() - askedAt.get()) / 1e6, "ms");
        // How much of the paint is the server's answer: the same call again, timed off the FX thread.
        long fetchStart = System.nanoTime();
        io.edgefleet.desktop.topology.Topology.parse(
                client.get("/api/v1/topology").bodyOrThrow());
        print("topology_fetch_ms_10k", (System.nanoTime() - fetchStart) / 1e6, "ms");

        Thread.sleep(1000);
        int from = pulses.size();
        CountDownLatch scrolled = new CountDownLatch(1);
        onFx(() -> new AnimationTimer() {
            private int frame;

            @Override
            public void handle(long now) {
                holder[0].topologyView().tree().scrollTo(frame * ROWS_PER_FRAME);
                if (++frame > SCROLL_FRAMES) {
                    stop();
                    scrolled.countDown();
                }
            }
        }.start());
        if (!scrolled.await(180, TimeUnit.SECONDS)) {
            throw new IllegalStateException("scrolling did not finish within 180 s");
        }
        List<Long> stamps = new ArrayList<>(pulses.subList(from, pulses.size()));
        List<Double> intervals = new ArrayList<>();
        for (int i = 1; i < stamps.size(); i++) {
            intervals.add((stamps.get(i) - stamps.get(i - 1)) / 1e6);
        }
        Collections.sort(intervals);
        System.err.printf(
                "  .. %d frames while scrolling %,d rows%n", intervals.size(), SCROLL_FRAMES * ROWS_PER_FRAME);
        print("topology_scroll_frame_p50_ms", percentile(intervals, 0.50), "ms");
        print("topology_scroll_frame_p99_ms", percentile(intervals, 0.99), "ms");
        print("desktop_rss_mb", rssMb(), "MB");
        onFx(holder[0]::close);
        scheduler.shutdownNow();
    }

    /** The first pulse that lays out node rows: the tree is showing the topology. */
    private static boolean showsNodeRows(TreeView<TopologyEntry> tree) {
        for (Node cell : tree.lookupAll(".tree-cell")) {
            if (cell instanceof TreeCell<?> treeCell
                    && treeCell.isVisible()
                    && treeCell.getItem() instanceof TopologyEntry.NodeEntry) {
                return true;
            }
        }
        return false;
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static double rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static void onFx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not answer within 60 s");
        }
    }

    private static void print(String metric, double value, String unit) {
        System.out.printf(Locale.ROOT, "%s %.3f %s%n", metric, value, unit);
        System.out.flush();
    }

    /** The flags FACTS.md proved here, unless the command line set others (a real display, say). */
    private static void headlessUnlessSet() {
        Map<String, String> flags = Map.of(
                "glass.platform", "Monocle",
                "monocle.platform", "Headless",
                "prism.order", "sw",
                "java.awt.headless", "true");
        flags.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
