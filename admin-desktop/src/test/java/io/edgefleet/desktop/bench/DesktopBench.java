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
import io.edgefleet.desktop.topology.TopologyJson;
import io.edgefleet.desktop.ui.Dispatch;
import io.edgefleet.desktop.ui.Rendering;
import io.edgefleet.systemtest.harness.FleetServer;
import io.edgefleet.systemtest.harness.MariaDbDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
        Rendering.beforeToolkitStarts(); // as DesktopMain does
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
            public <T> T read(String path, String accept, BodyReader<T> reader) {
                T read = client.read(path, accept, reader);
                if (path.equals("/api/v1/topology")) {
                    answeredAt.compareAndSet(0, System.nanoTime());
                }
                return read;
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

        AtomicLong askedAt = new AtomicLong();
        AtomicLong rowsLaidOutAt = new AtomicLong();
        AtomicLong synchronisedAt = new AtomicLong();
        CountDownLatch laidOut = new CountDownLatch(1);
        Workbench[] holder = new Workbench[1];
        FrameClock[] clock = new FrameClock[1];
        onFx(() -> {
            Workbench workbench = new Workbench(session, Dispatch.fx(), scheduler, Clock.systemUTC());
            holder[0] = workbench;
            Stage stage = new Stage();
            Scene scene = new Scene(workbench.window(), 1280, 800);
            stage.setScene(scene);
            clock[0] = new FrameClock(scene);
            stage.show();
            TreeView<TopologyEntry> tree = workbench.topologyView().tree();
            scene.addPostLayoutPulseListener(() -> {
                if (rowsLaidOutAt.get() == 0 && askedAt.get() != 0 && showsNodeRows(tree)) {
                    rowsLaidOutAt.set(System.nanoTime());
                    // Runs once this pulse has synchronised the scene and handed its frame to the renderer.
                    Platform.runLater(() -> {
                        synchronisedAt.set(System.nanoTime());
                        laidOut.countDown();
                    });
                }
            });
        });
        Thread.sleep(1000); // the empty window settles: the toolkit's start is not the topology's paint
        CpuClock cpu = new CpuClock();
        long cpuAtAsk = cpu.process();
        onFx(() -> {
            askedAt.set(System.nanoTime());
            holder[0].start();
        });
        if (!laidOut.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the topology was not laid out within 120 s");
        }
        long paintedAt = clock[0].frameOf(rowsLaidOutAt.get(), synchronisedAt.get(), TimeUnit.SECONDS.toNanos(1));
        print("topology_paint_ms_10k", (paintedAt - askedAt.get()) / 1e6, "ms");
        System.err.printf(
                "  .. layout with node rows at %.1f ms, its frame rendered %.1f ms later%n",
                (rowsLaidOutAt.get() - askedAt.get()) / 1e6, (paintedAt - rowsLaidOutAt.get()) / 1e6);
        System.err.printf(
                "  .. the desktop used %.0f ms of CPU until then (all its threads, JIT and GC included)%n",
                (cpu.process() - cpuAtAsk) / 1e6);
        print("topology_answer_ms_10k", (answeredAt.get() - askedAt.get()) / 1e6, "ms");
        // How much of the paint is the server's answer: the same call again, timed off the FX thread.
        long fetchStart = System.nanoTime();
        client.read("/api/v1/topology", TopologyJson.ACCEPT, TopologyJson::read);
        print("topology_fetch_ms_10k", (System.nanoTime() - fetchStart) / 1e6, "ms");

        Thread.sleep(1000);
        AtomicLong scrollFrom = new AtomicLong();
        AtomicLong scrollTo = new AtomicLong();
        CountDownLatch scrolled = new CountDownLatch(1);
        long[] threadCpuAtStart = new long[2];
        List<Double> fxCpuPerStep = new ArrayList<>();
        List<Double> renderCpuPerStep = new ArrayList<>();
        onFx(() -> new AnimationTimer() {
            private int frame;
            private long fxBefore;
            private long renderBefore;

            @Override
            public void handle(long now) {
                long fxNow = cpu.fxThread();
                long renderNow = cpu.renderThread();
                if (frame > 0) { // the CPU each thread spent since the previous step: one pulse and its frame
                    fxCpuPerStep.add((fxNow - fxBefore) / 1e6);
                    renderCpuPerStep.add((renderNow - renderBefore) / 1e6);
                }
                fxBefore = fxNow;
                renderBefore = renderNow;
                if (frame == 0) {
                    scrollFrom.set(System.nanoTime());
                    threadCpuAtStart[0] = cpu.fxThread();
                    threadCpuAtStart[1] = cpu.renderThread();
                }
                holder[0].topologyView().tree().scrollTo(frame * ROWS_PER_FRAME);
                if (++frame > SCROLL_FRAMES) {
                    stop();
                    scrollTo.set(System.nanoTime());
                    threadCpuAtStart[0] = cpu.fxThread() - threadCpuAtStart[0];
                    threadCpuAtStart[1] = cpu.renderThread() - threadCpuAtStart[1];
                    scrolled.countDown();
                }
            }
        }.start());
        if (!scrolled.await(180, TimeUnit.SECONDS)) {
            throw new IllegalStateException("scrolling did not finish within 180 s");
        }
        Thread.sleep(500); // the last scroll step's frame is rendered
        List<Long> rendered = clock[0].rendered();
        // Up to the frame of the last scroll step: later frames would be the idle window's, not scrolling.
        long lastFrame =
                rendered.stream().filter(at -> at > scrollTo.get()).findFirst().orElse(scrollTo.get());
        List<Double> frames = FrameClock.sortedIntervals(rendered, scrollFrom.get(), lastFrame);
        List<Double> pulses = FrameClock.sortedIntervals(clock[0].laidOut(), scrollFrom.get(), scrollTo.get());
        System.err.printf(
                "  .. %d frames rendered while scrolling %,d rows; pulse-to-pulse p50 %.1f ms, p99 %.1f ms%n",
                frames.size() + 1, SCROLL_FRAMES * ROWS_PER_FRAME, percentile(pulses, 0.50), percentile(pulses, 0.99));
        System.err.printf(
                "  .. CPU per scroll step: FX thread %.1f ms, render thread %.1f ms%n",
                threadCpuAtStart[0] / 1e6 / SCROLL_FRAMES, threadCpuAtStart[1] / 1e6 / SCROLL_FRAMES);
        fxCpuPerStep.sort(null);
        renderCpuPerStep.sort(null);
        System.err.printf(
                "  .. CPU of one step, p50/p99/max: FX thread %.1f/%.1f/%.1f ms, render thread %.1f/%.1f/%.1f ms%n",
                percentile(fxCpuPerStep, 0.5),
                percentile(fxCpuPerStep, 0.99),
                fxCpuPerStep.getLast(),
                percentile(renderCpuPerStep, 0.5),
                percentile(renderCpuPerStep, 0.99),
                renderCpuPerStep.getLast());
        print("topology_scroll_frame_p50_ms", percentile(frames, 0.50), "ms");
        print("topology_scroll_frame_p99_ms", percentile(frames, 0.99), "ms");
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
