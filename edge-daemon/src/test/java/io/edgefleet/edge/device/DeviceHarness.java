package io.edgefleet.edge.device;

import io.edgefleet.edge.device.telemetry.TelemetryLink;
import io.edgefleet.edge.device.telemetry.TelemetrySettings;
import io.edgefleet.edge.outbox.Outbox;
import io.edgefleet.edge.outbox.PublishOutcome;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.edge.sync.SyncApplier;
import io.edgefleet.edge.sync.SyncOutcome;
import io.edgefleet.protocol.DecodeResult;
import io.edgefleet.protocol.MessageBody;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.ResourceChange;
import io.edgefleet.protocol.Sync;
import io.edgefleet.protocol.TelemetryBatch;
import io.edgefleet.protocol.TwinReport;
import io.edgefleet.protocol.TwinReports;
import io.edgefleet.protocol.device.DeviceState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The real device manager on a real store with the real simulated driver, fed through the real
 * sync path. The cloud side is a switch (link up or down) and a list of published telemetry
 * batches: what the device manager is tested against, not what is tested.
 */
final class DeviceHarness implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    final EdgeStore store;
    final Outbox outbox;
    final ProtocolCodec codec = new ProtocolCodec();
    final AtomicBoolean linkUp = new AtomicBoolean();
    final List<TelemetryBatch> published = new CopyOnWriteArrayList<>();
    final DeviceManager devices;
    private final SyncApplier sync;
    private long version;

    /** A harness whose server accepts {@code twin-reports}, as every server of this version does. */
    DeviceHarness(Path dataDir) {
        this(dataDir, true);
    }

    /** @param serverTakesTwinReports false: the server predates {@code twin-reports} */
    DeviceHarness(Path dataDir, boolean serverTakesTwinReports) {
        store = EdgeStore.open(dataDir);
        outbox = new Outbox(store, codec, "edge-1", Clock.systemUTC());
        devices = DeviceManager.start(
                store,
                outbox,
                new DeviceSettings(Duration.ofMillis(100), Duration.ofMillis(400), Clock.systemUTC()),
                new TelemetrySettings(
                        Duration.ofHours(1), 100_000, 100, 4, Duration.ofSeconds(2), Duration.ofMillis(100)),
                (rule, workload) -> Optional.of("no workloads here"),
                DeviceFeed.NONE,
                kind -> serverTakesTwinReports || !kind.negotiated());
        devices.attach(new TelemetryLink() {
            @Override
            public boolean connected() {
                return linkUp.get();
            }

            @Override
            public CompletionStage<PublishOutcome> publish(TelemetryBatch batch) {
                if (!linkUp.get()) {
                    return CompletableFuture.completedFuture(new PublishOutcome.Failed("down"));
                }
                published.add(batch);
                return CompletableFuture.completedFuture(new PublishOutcome.Sent());
            }
        });
        sync = new SyncApplier(store, DeviceManager.appliers());
        sync.onCommitted(devices::wake);
    }

    long nextVersion() {
        return ++version;
    }

    SyncOutcome apply(ResourceChange... changes) {
        long from = sync.appliedVersion();
        long to = java.util.Arrays.stream(changes)
                .mapToLong(ResourceChange::resourceVersion)
                .max()
                .orElse(from);
        return sync.apply(new Sync(from, to, false, List.of(changes)));
    }

    /** The reports of {@code device} in the outbox, in order, whichever message carries them. */
    List<TwinReport> reports(String device) {
        return messages().stream()
                .flatMap(body -> switch (body) {
                    case TwinReport r -> Stream.of(r);
                    case TwinReports r -> r.reports().stream();
                    default -> Stream.<TwinReport>empty();
                })
                .filter(r -> r.device().equals(device))
                .toList();
    }

    /** Whether any report of {@code device} in the outbox carried {@code value} for {@code property}. */
    boolean everReported(String device, String property, String value) {
        return reports(device).stream()
                .flatMap(r -> r.reported().stream())
                .anyMatch(v -> v.property().equals(property)
                        && v.value().map(Object::toString).orElse("").equals(value));
    }

    /** The state the last report of {@code device} that carried one gave. */
    Optional<DeviceState> lastReportedState(String device) {
        return reports(device).stream().flatMap(r -> r.state().stream()).reduce((first, second) -> second);
    }

    /** The bodies of the messages in the outbox, in order. */
    List<MessageBody> messages() {
        List<MessageBody> bodies = new ArrayList<>();
        for (var entry : outbox.pending(0, Integer.MAX_VALUE)) {
            if (codec.decode(entry.payload()) instanceof DecodeResult.Decoded d) {
                bodies.add(d.envelope().body());
            }
        }
        return bodies;
    }

    Map<String, TwinTable.Reported> twin(String device) {
        return store.inTransaction(tx -> TwinTable.reported(tx.connection(), device));
    }

    Optional<String> reportedText(String device, String property) {
        return Optional.ofNullable(twin(device).get(property))
                .flatMap(TwinTable.Reported::value)
                .flatMap(v -> v.value())
                .map(Object::toString);
    }

    long telemetryRows() {
        return devices.telemetry().counters().rows();
    }

    Map<String, EdgeChange> edgeChanges(String device) {
        return store.inTransaction(tx -> TwinTable.edgeChanges(tx.connection(), device));
    }

    Optional<DeviceTable.Status> status(String device) {
        return Optional.ofNullable(
                store.inTransaction(tx -> DeviceTable.statuses(tx.connection())).get(device));
    }

    @Override
    public void close() {
        devices.close();
        store.close();
    }
}
