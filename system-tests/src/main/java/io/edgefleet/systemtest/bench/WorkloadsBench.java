package io.edgefleet.systemtest.bench;

import io.edgefleet.systemtest.harness.ByteCountingProxy;
import io.edgefleet.systemtest.harness.EdgeDaemon;
import io.edgefleet.systemtest.harness.FleetApi;
import io.edgefleet.systemtest.harness.FleetServer;
import io.edgefleet.systemtest.harness.WorkloadProcesses;
import io.edgefleet.testsupport.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The workload figures of issue 3, on the demo's configuration (embedded database and broker, one
 * edge daemon through its launcher, a relay between daemon and broker that counts bytes and can cut
 * the link):
 *
 * <ul>
 *   <li>{@code deploy_running_p50_ms}, {@code deploy_running_p99_ms}: POST of a workload to its
 *       instance reported Running at the server, over 100 deploys one after another;
 *   <li>{@code edge_rss_mb_0/10/50/100}: the daemon's RSS (as ps shows it) with that many workloads;
 *   <li>{@code offline_reboot_restore_s}: link cut, daemon and all its workloads killed (a power cut),
 *       daemon started again: until all 10 workloads run, with no network;
 *   <li>{@code resync_1000_s}, {@code resync_1000_bytes}: 1,000 desired changes made while the node is
 *       offline (100 to its 10 workloads, 900 to workloads of other nodes), then the link restored: until
 *       the server sees every one of its workloads Running at the latest generation, and the bytes on
 *       the wire both ways meanwhile.
 * </ul>
 */
final class WorkloadsBench {
    private static final String NODE = "bench-edge-1";
    private static final int DEPLOYS = 100;
    private static final long MARKER = 880_000;
    private static final Duration WAIT = Duration.ofSeconds(120);

    private WorkloadsBench() {}

    static void run(Path root, Path work) {
        Map<String, String> serverEnv =
                Map.of("FLEET_HEARTBEAT_SECONDS", "1", "FLEET_LEASE_SECONDS", "4", "FLEET_SYNC_CATCHUP_SECONDS", "2");
        List<Long> markers = new ArrayList<>();
        try (FleetServer server = FleetServer.prepare(root, work.resolve("server"), serverEnv)) {
            Figures.progress("starting the server (embedded database and broker)");
            server.startAndAwaitReady(Duration.ofMinutes(3));
            FleetApi api = server.api();
            int brokerPort = Integer.parseInt(server.env("FLEET_MQTT_PORT"));
            try (ByteCountingProxy proxy = ByteCountingProxy.start("127.0.0.1", brokerPort);
                    EdgeDaemon edge = EdgeDaemon.prepare(
                            root,
                            work.resolve("edge/data"),
                            server.baseUrl(),
                            NODE,
                            Map.of(
                                    "EDGEFLEET_MQTT_URL", "tcp://127.0.0.1:" + proxy.port(),
                                    "EDGEFLEET_RECONNECT_MIN_MS", "100",
                                    "EDGEFLEET_RECONNECT_MAX_MS", "500"))) {
                edge.start(api.createEnrollmentToken(NODE));
                await("node online", () -> "Online".equals(api.phase(NODE)));
                sleep(Duration.ofSeconds(5));
                Figures.print("edge_rss_mb_0", edge.rssMb(), "MB");

                deployLatency(api, markers);
                rssScaling(api, edge, markers);
                offlineReboot(api, edge, proxy);
                resync(api, proxy);
            } finally {
                markers.forEach(WorkloadProcesses::killAll);
            }
        }
    }

    private static void deployLatency(FleetApi api, List<Long> markers) {
        Figures.progress("deploying " + DEPLOYS + " workloads one after another");
        long[] millis = new long[DEPLOYS];
        for (int i = 0; i < DEPLOYS; i++) {
            String name = "deploy-" + i;
            long marker = MARKER + i;
            markers.add(marker);
            long start = System.nanoTime();
            api.createWorkload(workload(name, "", marker));
            Wait.until(name + " Running", WAIT, Duration.ofMillis(2), () -> "Running"
                    .equals(api.instancePhase(name, NODE)));
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            api.deleteWorkload(name);
            if ((i + 1) % 20 == 0) {
                Figures.progress((i + 1) + "/" + DEPLOYS + " deployed");
            }
        }
        Arrays.sort(millis);
        Figures.print("deploy_running_p50_ms", millis[DEPLOYS / 2], "ms");
        Figures.print("deploy_running_p99_ms", millis[(int) Math.ceil(DEPLOYS * 0.99) - 1], "ms");
    }

    private static void rssScaling(FleetApi api, EdgeDaemon edge, List<Long> markers) {
        int running = 0;
        for (int target : new int[] {10, 50, 100}) {
            Figures.progress("scaling to " + target + " workloads");
            for (int i = running; i < target; i++) {
                long marker = MARKER + 1000 + i;
                markers.add(marker);
                api.createWorkload(workload("scale-" + i, "", marker));
            }
            running = target;
            int expected = target;
            await(target + " workload processes", () -> countRunning(expected) == expected);
            sleep(Duration.ofSeconds(5));
            Figures.print("edge_rss_mb_" + target, edge.rssMb(), "MB");
        }
        Figures.progress("scaling back to 10 workloads");
        for (int i = 10; i < 100; i++) {
            api.deleteWorkload("scale-" + i);
        }
        await(
                "90 workloads stopped",
                () -> WorkloadProcesses.sleeping(MARKER + 1000 + 99).isEmpty()
                        && WorkloadProcesses.sleeping(MARKER + 1000 + 10).isEmpty());
    }

    private static int countRunning(int workloads) {
        int count = 0;
        for (int i = 0; i < workloads; i++) {
            count += WorkloadProcesses.sleeping(MARKER + 1000 + i).size();
        }
        return count;
    }

    private static void offlineReboot(FleetApi api, EdgeDaemon edge, ByteCountingProxy proxy) {
        Figures.progress("cutting the link, killing the daemon and its 10 workloads, starting it with no network");
        proxy.cut();
        edge.kill();
        for (int i = 0; i < 10; i++) {
            WorkloadProcesses.killAll(MARKER + 1000 + i);
        }
        long start = System.nanoTime();
        edge.start("");
        await("10 workloads back without network", () -> countRunning(10) == 10);
        Figures.print("offline_reboot_restore_s", (System.nanoTime() - start) / 1e9, "s");
        await("node offline at the server", () -> "Offline".equals(api.phase(NODE)));
    }

    private static void resync(FleetApi api, ByteCountingProxy proxy) {
        Figures.progress("making 1,000 desired changes while the node is offline");
        for (int i = 0; i < 30; i++) {
            api.createWorkload(workload("elsewhere-" + i, "bench=elsewhere", MARKER + 5000 + i));
        }
        int changes = 30;
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 10; i++) {
                api.patchWorkload("scale-" + i, envPatch(round));
                changes++;
            }
            for (int i = 0; i < 30 && changes < 1000; i++) {
                for (int k = 0; k < 3 && changes < 1000; k++) {
                    api.patchWorkload("elsewhere-" + i, envPatch(round * 3 + k));
                    changes++;
                }
            }
            Figures.progress(changes + "/1000 changes");
        }
        long bytesBefore = proxy.upstreamBytes() + proxy.downstreamBytes();
        long start = System.nanoTime();
        proxy.restore();
        await("all 10 workloads Running at their latest generation", () -> {
            for (int i = 0; i < 10; i++) {
                if (!api.workload("scale-" + i)
                        .path("status")
                        .path("rolloutComplete")
                        .asBoolean()) {
                    return false;
                }
            }
            return true;
        });
        Figures.print("resync_1000_s", (System.nanoTime() - start) / 1e9, "s");
        Figures.print("resync_1000_bytes", proxy.upstreamBytes() + proxy.downstreamBytes() - bytesBefore, "bytes");
    }

    private static String envPatch(int round) {
        return "{\"spec\":{\"template\":{\"env\":{\"ROUND\":\"" + round + "\"}}}}";
    }

    private static String workload(String name, String selector, long marker) {
        return "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"selector\":\"" + selector
                + "\",\"template\":{\"command\":[\"sleep\",\"" + marker + "\"],\"stopGraceSeconds\":2}}}";
    }

    private static void await(String what, BooleanSupplier condition) {
        Wait.until(what, WAIT, Duration.ofMillis(20), condition);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
