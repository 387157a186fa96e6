package io.edgefleet.systemtest.bench;

import io.edgefleet.systemtest.harness.ByteCountingProxy;
import io.edgefleet.systemtest.harness.EdgeDaemon;
import io.edgefleet.systemtest.harness.FleetApi;
import io.edgefleet.systemtest.harness.FleetServer;
import io.edgefleet.testsupport.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The foundation figures, on the demo's configuration (embedded database and broker):
 *
 * <ul>
 *   <li>{@code server_ready_s}: {@code server run} to the first 200 from /health/ready;
 *   <li>{@code edge_online_s}: edge daemon process start (enrollment included) to phase Online at the server;
 *   <li>{@code edge_idle_rss_mb}: the connected, idle daemon's resident set size;
 *   <li>{@code heartbeat_bytes}: bytes one heartbeat costs on the TCP stream, all MQTT framing included,
 *       counted by a relay between daemon and broker over an idle window of heartbeats.
 * </ul>
 */
final class FoundationBench {
    private static final int HEARTBEAT_SECONDS = 1;
    private static final int WINDOW_HEARTBEATS = 10;

    private FoundationBench() {}

    static void run(Path root, Path work) {
        Map<String, String> serverEnv = Map.of("FLEET_HEARTBEAT_SECONDS", Integer.toString(HEARTBEAT_SECONDS));
        try (FleetServer server = FleetServer.prepare(root, work.resolve("server"), serverEnv)) {
            Figures.progress("starting the server (embedded database and broker)");
            Duration ready = server.startAndAwaitReady(Duration.ofMinutes(3));
            Figures.print("server_ready_s", ready.toMillis() / 1000.0, "s");

            int brokerPort = Integer.parseInt(server.env("FLEET_MQTT_PORT"));
            FleetApi api = server.api();
            String node = "bench-edge-1";
            String token = api.createEnrollmentToken(node);
            try (ByteCountingProxy proxy = ByteCountingProxy.start("127.0.0.1", brokerPort);
                    EdgeDaemon edge = EdgeDaemon.prepare(
                            root,
                            work.resolve("edge/data"),
                            server.baseUrl(),
                            node,
                            Map.of("EDGEFLEET_MQTT_URL", "tcp://127.0.0.1:" + proxy.port()))) {
                Figures.progress("starting the edge daemon");
                long start = System.nanoTime();
                edge.start(token);
                Wait.until("node " + node + " Online", Duration.ofSeconds(60), Duration.ofMillis(20), () -> {
                    if (!edge.isAlive()) {
                        throw new IllegalStateException("edge daemon died:\n" + edge.logTail(40));
                    }
                    return "Online".equals(api.phase(node));
                });
                Figures.print("edge_online_s", (System.nanoTime() - start) / 1e9, "s");

                Figures.progress("letting the daemon settle, then counting " + WINDOW_HEARTBEATS + " heartbeats");
                sleep(Duration.ofSeconds(5));
                long before = proxy.upstreamBytes();
                sleep(Duration.ofSeconds((long) HEARTBEAT_SECONDS * WINDOW_HEARTBEATS));
                long bytes = proxy.upstreamBytes() - before;
                Figures.print("heartbeat_bytes", Math.round((double) bytes / WINDOW_HEARTBEATS), "bytes");
                Figures.print("edge_idle_rss_mb", edge.rssMb(), "MB");
            }
        }
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
