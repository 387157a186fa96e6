package io.edgefleet.systemtest.bench;

import io.edgefleet.systemtest.harness.EdgeDaemon;
import io.edgefleet.systemtest.harness.FleetApi;
import io.edgefleet.systemtest.harness.FleetServer;
import io.edgefleet.systemtest.harness.MariaDbDatabase;
import io.edgefleet.testsupport.Wait;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The device and twin figures of issue 4, with the server on the machine's MariaDB (a database of its
 * own, dropped at the end) and its embedded broker:
 *
 * <ul>
 *   <li>{@code db_upsert_ceiling_rows_per_s}: batched upserts into a {@code twin_property}-shaped
 *       table of the same database, 1,000 rows per transaction ({@link UpsertCeiling});
 *   <li>{@code twin_ingest_rows_per_s}: reported values from 20 nodes on the wire to committed
 *       {@code twin_property} rows ({@link TwinIngest}), and {@code twin_ingest_ceiling_ratio};
 *   <li>{@code desired_reported_p50_ms}, {@code desired_reported_p99_ms}: a desired value through REST
 *       until the twin shows it reported by a real daemon's simulated device ({@link DesiredLatency}),
 *       with a chart of the distribution;
 *   <li>{@code replay_readings_per_s}, {@code replay_state_lost}: a daemon's 1,000,000 buffered readings
 *       after an outage into {@code reading}, and reported values that never arrived ({@link
 *       TelemetryReplay}).
 * </ul>
 */
final class DevicesBench {
    private static final int LOAD_NODES = 20;
    private static final int DEVICES_PER_NODE = 10;
    private static final int PROPERTIES = 10;
    private static final int WINDOW = 64;
    private static final int CEILING_ROWS = 200_000;
    private static final int DESIRED_SETS = 120;
    private static final long REPLAY_READINGS = 1_000_000;
    private static final String NODE = "bench-edge-1";
    private static final String DEVICE = "press-1";
    private static final int COLLECT_MS = 50;
    private static final int REPORT_MS = 100;

    private DevicesBench() {}

    static void run(Path root, Path work) {
        try (MariaDbDatabase database = MariaDbDatabase.create("edgefleet_bench_")) {
            Figures.progress("database " + database.name() + " on 127.0.0.1:3306");
            Map<String, String> env = new HashMap<>(database.serverEnv());
            env.put("FLEET_HEARTBEAT_SECONDS", "2");
            try (FleetServer server = FleetServer.prepare(root, work.resolve("server"), env)) {
                Figures.progress("starting the server (MariaDB, embedded broker)");
                server.startAndAwaitReady(Duration.ofMinutes(3));
                FleetApi api = server.api();
                ingest(database, api);
                try (EdgeDaemon edge = EdgeDaemon.prepare(
                        root,
                        work.resolve("edge/data"),
                        server.baseUrl(),
                        NODE,
                        Map.of(
                                "EDGEFLEET_RECONNECT_MIN_MS", "100",
                                "EDGEFLEET_RECONNECT_MAX_MS", "500",
                                "EDGEFLEET_TELEMETRY_MAX_ROWS", Long.toString(2 * REPLAY_READINGS)))) {
                    pressOnRealDaemon(api, edge);
                    desiredLatency(root, api);
                    TelemetryReplay.Result replay = TelemetryReplay.measure(
                            server,
                            edge,
                            database,
                            NODE,
                            DEVICE,
                            List.of("temperature", "strokes"),
                            REPLAY_READINGS,
                            Duration.ofSeconds(20));
                    Figures.print("replay_readings_per_s", replay.readingsPerSecond(), "readings/s");
                    Figures.print("replay_state_lost", replay.stateLost(), "values");
                    Figures.progress("replay: " + replay.pendingReports() + " twin reports were waiting in the outbox");
                }
            }
        }
    }

    private static void ingest(MariaDbDatabase database, FleetApi api) {
        Figures.progress("upsert ceiling: " + CEILING_ROWS + " rows, 1,000 per transaction, one connection");
        double ceiling =
                UpsertCeiling.measure(database, LOAD_NODES * DEVICES_PER_NODE * PROPERTIES, PROPERTIES, CEILING_ROWS);
        Figures.print("db_upsert_ceiling_rows_per_s", ceiling, "rows/s");
        Figures.progress("ingest: " + LOAD_NODES + " nodes on the wire x " + DEVICES_PER_NODE + " devices x "
                + PROPERTIES + " properties, window " + WINDOW);
        TwinIngest load = TwinIngest.prepare(api, LOAD_NODES, DEVICES_PER_NODE, PROPERTIES, WINDOW);
        try {
            TwinIngest.Result result = load.run(Duration.ofSeconds(5), Duration.ofSeconds(20));
            Figures.print("twin_ingest_rows_per_s", result.rowsPerSecond(), "rows/s");
            Figures.print("twin_ingest_ceiling_ratio", result.rowsPerSecond() / ceiling, "ratio");
            Figures.progress(String.format(
                    java.util.Locale.ROOT,
                    "ingest: %.0f messages/s acknowledged (%d values each); the server counted %.0f values/s",
                    result.messagesPerSecond(),
                    result.rowsPerMessage(),
                    result.serverRowsPerSecond()));
        } finally {
            load.close();
        }
    }

    private static void pressOnRealDaemon(FleetApi api, EdgeDaemon edge) {
        Figures.progress("starting a real edge daemon with a simulated press (collect " + COLLECT_MS + " ms, report "
                + REPORT_MS + " ms)");
        edge.start(api.createEnrollmentToken(NODE));
        await("node " + NODE + " online", edge, () -> "Online".equals(api.phase(NODE)));
        created(
                api.post(
                        "/api/v1/device-models",
                        "{\"metadata\":{\"name\":\"bench-press\"},\"spec\":{\"properties\":["
                                + "{\"name\":\"setpoint\",\"type\":\"double\",\"min\":0,\"max\":1000000,"
                                + "\"accessMode\":\"ReadWrite\"},"
                                + "{\"name\":\"temperature\",\"type\":\"double\"},"
                                + "{\"name\":\"strokes\",\"type\":\"int\"}]}}"),
                "press model");
        created(
                api.post(
                        "/api/v1/devices",
                        "{\"metadata\":{\"name\":\"" + DEVICE + "\"},\"spec\":{\"node\":\"" + NODE
                                + "\",\"model\":\"bench-press\",\"protocol\":\"simulated\",\"visitors\":{"
                                + "\"setpoint\":{\"value\":\"0\"},"
                                + "\"temperature\":{\"generator\":\"sine\",\"amplitude\":\"5\","
                                + "\"period-seconds\":\"10\",\"offset\":\"20\"},"
                                + "\"strokes\":{\"generator\":\"counter\"}},"
                                + "\"collectCycleMs\":" + COLLECT_MS + ",\"reportCycleMs\":" + REPORT_MS + "}}"),
                "press");
        await("the press Online at the server", edge, () -> "Online"
                .equals(api.get("/api/v1/devices/" + DEVICE)
                        .path("status")
                        .path("state")
                        .asText()));
    }

    private static void desiredLatency(Path root, FleetApi api) {
        Figures.progress(
                DESIRED_SETS + " desired setpoints through REST, each until reported (twin polled every 5 ms)");
        double[] millis = DesiredLatency.measure(api, DEVICE, "setpoint", DESIRED_SETS);
        Figures.print("desired_reported_p50_ms", DesiredLatency.percentile(millis, 0.5), "ms");
        Figures.print("desired_reported_p99_ms", DesiredLatency.percentile(millis, 0.99), "ms");
        Path chart = LatencyChart.write(
                root.resolve("system-tests/target/bench/desired-reported-latency.svg"),
                "desired set through REST -> reported (collect " + COLLECT_MS + " ms, report " + REPORT_MS + " ms)",
                millis);
        Figures.progress("chart of the latency distribution: " + chart);
    }

    private static void await(String what, EdgeDaemon edge, java.util.function.BooleanSupplier condition) {
        Wait.until(what, Duration.ofSeconds(90), Duration.ofMillis(50), () -> {
            if (!edge.isAlive()) {
                throw new IllegalStateException("the edge daemon died:\n" + edge.logTail(40));
            }
            return condition.getAsBoolean();
        });
    }

    private static void created(HttpResponse<String> response, String what) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "creating the " + what + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
