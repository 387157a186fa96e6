package io.edgefleet.systemtest.bench;

import com.fasterxml.jackson.databind.node.DoubleNode;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.protocol.TwinReport;
import io.edgefleet.protocol.TwinReports;
import io.edgefleet.protocol.device.ReportedValue;
import io.edgefleet.protocol.device.ValueQuality;
import io.edgefleet.systemtest.harness.FleetApi;
import io.edgefleet.systemtest.harness.SimulatedNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reported-property updates from edge nodes to committed {@code twin_property} rows. {@code nodes}
 * nodes on the wire ({@link SimulatedNode}: enrolled through REST, on the server's embedded broker
 * with their own credentials, {@code hello}, then {@code twin-report}s with gapless seq and a window
 * of unacknowledged ones), each with {@code devices} devices of a model with {@code properties}
 * properties; every report cycle changes all properties of all devices, as a daemon's cycle of analog
 * values does, and goes as the daemon sends it: one {@code twin-reports} for all devices when the
 * server accepts that kind. Committed rows are counted from the acknowledgements (the server acks
 * only after the commit) and checked against the server's own counter.
 */
final class TwinIngest {
    static final String MODEL = "bench-meter";
    private static final String METRIC = "edgefleet_twin_reported_values_total";

    private final FleetApi api;
    private final int devices;
    private final int properties;
    private final List<SimulatedNode> nodes = new ArrayList<>();
    /** Reported values one acknowledged message carries; set by the senders (all alike). */
    private volatile int rowsPerMessage;

    private TwinIngest(FleetApi api, int devices, int properties) {
        this.api = api;
        this.devices = devices;
        this.properties = properties;
    }

    /** What a run measured. */
    record Result(double rowsPerSecond, double serverRowsPerSecond, double messagesPerSecond, int rowsPerMessage) {}

    /** Creates the model, enrolls and connects the nodes, and wires their devices to them. */
    static TwinIngest prepare(FleetApi api, int nodeCount, int devices, int properties, int window) {
        TwinIngest ingest = new TwinIngest(api, devices, properties);
        StringBuilder model =
                new StringBuilder("{\"metadata\":{\"name\":\"" + MODEL + "\"},\"spec\":{\"properties\":[");
        for (int p = 0; p < properties; p++) {
            model.append(p == 0 ? "" : ",").append("{\"name\":\"p").append(p).append("\",\"type\":\"double\"}");
        }
        created(api.post("/api/v1/device-models", model.append("]}}").toString()), "model");
        for (int n = 0; n < nodeCount; n++) {
            String node = "gen-" + n;
            ingest.nodes.add(SimulatedNode.connect(api.enroll(node), window));
            for (int d = 0; d < devices; d++) {
                created(
                        api.post(
                                "/api/v1/devices",
                                "{\"metadata\":{\"name\":\"" + device(node, d) + "\"},\"spec\":{\"node\":\"" + node
                                        + "\",\"model\":\"" + MODEL + "\",\"protocol\":\"simulated\"}}"),
                        "device");
            }
            if ((n + 1) % 5 == 0) {
                Figures.progress((n + 1) + "/" + nodeCount + " load nodes enrolled, with " + devices + " devices each");
            }
        }
        return ingest;
    }

    /** Offers as much load as the acknowledgements allow for {@code warmUp}, then measures over {@code measure}. */
    Result run(Duration warmUp, Duration measure) {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> senders = new ArrayList<>();
        List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (SimulatedNode node : nodes) {
            senders.add(Thread.ofPlatform().name("load-" + node.name()).start(() -> {
                try {
                    send(node, stop);
                } catch (RuntimeException e) {
                    failures.add(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        try {
            sleep(warmUp);
            long ackedBefore = acked();
            double serverBefore = serverCount();
            long start = System.nanoTime();
            long end = start + measure.toNanos();
            while (System.nanoTime() < end) {
                sleep(Duration.ofSeconds(5));
                if (!failures.isEmpty()) {
                    throw failures.getFirst();
                }
                for (SimulatedNode node : nodes) {
                    if (node.stalledFor(TimeUnit.SECONDS) > 20) {
                        throw new IllegalStateException("node " + node.name() + " got no ack for 20 s");
                    }
                }
                long now = System.nanoTime();
                Figures.progress(String.format(
                        java.util.Locale.ROOT,
                        "ingest %.0f s: %.0f rows/s so far",
                        (now - start) / 1e9,
                        (acked() - ackedBefore) * rowsPerMessage / ((now - start) / 1e9)));
            }
            long messages = acked() - ackedBefore;
            double seconds = (System.nanoTime() - start) / 1e9;
            double serverRows = serverCount() - serverBefore;
            return new Result(
                    messages * rowsPerMessage / seconds, serverRows / seconds, messages / seconds, rowsPerMessage);
        } finally {
            stop.set(true);
            for (Thread sender : senders) {
                try {
                    sender.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * One report cycle after another, as the daemon sends them: every device with all its properties
     * changed, all devices in one {@code twin-reports} when the server accepts it, else one {@code
     * twin-report} per device (decision record 0009).
     */
    private void send(SimulatedNode node, AtomicBoolean stop) throws InterruptedException {
        boolean together = node.serverAccepts(MessageKind.TWIN_REPORTS);
        rowsPerMessage = together ? devices * properties : properties;
        long round = 0;
        int device = 0;
        while (!stop.get()) {
            Instant now = Instant.now();
            List<TwinReport> cycle = new ArrayList<>(devices);
            for (int d = 0; d < devices; d++) {
                cycle.add(new TwinReport(device(node.name(), d), Optional.empty(), values(round, now), List.of()));
            }
            if (together) {
                if (node.sendReliable(new TwinReports(cycle), 1000)) {
                    round++;
                }
            } else if (node.sendReliable(cycle.get(device), 1000)) {
                device = (device + 1) % devices;
                round += device == 0 ? 1 : 0;
            }
        }
    }

    private List<ReportedValue> values(long round, Instant now) {
        List<ReportedValue> values = new ArrayList<>(properties);
        for (int p = 0; p < properties; p++) {
            values.add(new ReportedValue(
                    "p" + p,
                    Optional.of(DoubleNode.valueOf(round + p * 0.01)),
                    ValueQuality.GOOD,
                    now,
                    Optional.empty()));
        }
        return values;
    }

    private long acked() {
        return nodes.stream().mapToLong(SimulatedNode::acked).sum();
    }

    /** The server's own count of stored reported values. */
    private double serverCount() {
        return TelemetryReplay.counter(api, METRIC);
    }

    /** Disconnects every load node. */
    void close() {
        nodes.forEach(SimulatedNode::close);
    }

    static String device(String node, int index) {
        return node + "-m" + index;
    }

    private static void created(java.net.http.HttpResponse<String> response, String what) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "creating the " + what + " answered " + response.statusCode() + ": " + response.body());
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
