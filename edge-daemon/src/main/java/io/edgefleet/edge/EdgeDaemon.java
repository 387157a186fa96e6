package io.edgefleet.edge;

import io.edgefleet.edge.artifact.ArtifactCache;
import io.edgefleet.edge.artifact.ArtifactProvider;
import io.edgefleet.edge.artifact.HttpArtifactSource;
import io.edgefleet.edge.config.EdgeConfig;
import io.edgefleet.edge.device.DeviceFeed;
import io.edgefleet.edge.device.DeviceManager;
import io.edgefleet.edge.device.DeviceSettings;
import io.edgefleet.edge.device.bus.BusSettings;
import io.edgefleet.edge.device.bus.LocalBus;
import io.edgefleet.edge.device.telemetry.TelemetryLink;
import io.edgefleet.edge.device.telemetry.TelemetrySettings;
import io.edgefleet.edge.enrollment.Enroller;
import io.edgefleet.edge.link.LinkSettings;
import io.edgefleet.edge.link.MqttLink;
import io.edgefleet.edge.local.LocalApi;
import io.edgefleet.edge.node.NodeFacts;
import io.edgefleet.edge.node.NodeStatusReporter;
import io.edgefleet.edge.node.NodeWatch;
import io.edgefleet.edge.outbox.Outbox;
import io.edgefleet.edge.outbox.ServerKinds;
import io.edgefleet.edge.store.DataDirLock;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.edge.store.Identity;
import io.edgefleet.edge.store.MetaKey;
import io.edgefleet.edge.sync.ResourceApplier;
import io.edgefleet.edge.sync.SyncApplier;
import io.edgefleet.edge.sync.SyncCommandHandler;
import io.edgefleet.edge.workload.MissingArtifactCache;
import io.edgefleet.edge.workload.RemoteLogs;
import io.edgefleet.edge.workload.WorkloadSettings;
import io.edgefleet.edge.workload.Workloads;
import io.edgefleet.protocol.Hello;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.TelemetryBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running edge daemon: wires the parts in order (lock the data directory, open the store, enroll
 * if needed, queue the node status, start the link) and stops them in reverse. {@link EdgeMain}
 * runs one until SIGTERM; tests start one in-process.
 *
 * <p>Seams for what comes next: resource kinds plug into the {@link SyncApplier} as {@link
 * ResourceApplier}s, new commands into the link's handler map, new reliable messages through
 * {@link #outbox()}.
 */
public final class EdgeDaemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeDaemon.class);
    private static final Duration LOCK_WAIT = Duration.ofSeconds(2);

    private final Deque<AutoCloseable> parts;
    private final EdgeStore store;
    private final Identity identity;
    private final Outbox outbox;
    private final SyncApplier sync;
    private final Workloads workloads;
    private final DeviceManager devices;
    private final Optional<LocalBus> localBus;
    private final MqttLink link;

    private EdgeDaemon(
            Deque<AutoCloseable> parts,
            EdgeStore store,
            Identity identity,
            Outbox outbox,
            SyncApplier sync,
            Workloads workloads,
            DeviceManager devices,
            Optional<LocalBus> localBus,
            MqttLink link) {
        this.parts = parts;
        this.store = store;
        this.identity = identity;
        this.outbox = outbox;
        this.sync = sync;
        this.workloads = workloads;
        this.devices = devices;
        this.localBus = localBus;
        this.link = link;
    }

    /**
     * Starts the daemon; returns once the link is connecting in the background. Enrollment, when
     * needed, happens here and may wait for the server until {@code stop} is requested.
     */
    public static EdgeDaemon start(EdgeConfig config, StopSignal stop) {
        return start(config, stop, List.of());
    }

    /**
     * Starts the daemon with extra resource appliers; workloads fetch artifacts from the server the
     * daemon enrolled with, into the cache under its data directory.
     */
    public static EdgeDaemon start(EdgeConfig config, StopSignal stop, List<ResourceApplier> appliers) {
        return start(config, stop, appliers, store -> config.serverUrl()
                .<ArtifactProvider>map(
                        url -> ArtifactCache.open(config.dataDir(), HttpArtifactSource.of(url, store::identity)))
                .orElseGet(MissingArtifactCache::new));
    }

    /**
     * Starts the daemon with extra resource appliers and the artifact cache workloads fetch from.
     * Stored workloads are adopted or started again before the link starts: a reboot with no
     * network brings them all back.
     */
    public static EdgeDaemon start(
            EdgeConfig config, StopSignal stop, List<ResourceApplier> appliers, ArtifactProvider artifacts) {
        return start(config, stop, appliers, store -> artifacts);
    }

    private static EdgeDaemon start(
            EdgeConfig config,
            StopSignal stop,
            List<ResourceApplier> appliers,
            Function<EdgeStore, ArtifactProvider> artifactsFor) {
        Deque<AutoCloseable> parts = new ArrayDeque<>();
        try {
            parts.push(DataDirLock.acquire(config.dataDir(), LOCK_WAIT));
            EdgeStore store = EdgeStore.open(config.dataDir());
            parts.push(store);
            Identity identity = store.identity().orElseGet(() -> Enroller.enrollWithServer(config, store, stop));
            // Only a node-name someone set is worth a word; the host-name default differing is normal.
            boolean nameFromHost = config.nodeName().equals(EdgeConfig.nodeNameFromHost(NodeFacts.hostname()));
            if (!identity.node().equals(config.nodeName()) && !nameFromHost) {
                LOG.info(
                        "EF3004 this node is enrolled as '{}'; the node-name setting '{}' is not used",
                        identity.node(),
                        config.nodeName());
            }
            Clock clock = Clock.systemUTC();
            Instant bootedAt = clock.instant();
            store.inTransaction(tx -> {
                tx.putMeta(MetaKey.BOOT_ID, UUID.randomUUID().toString());
                tx.putMeta(MetaKey.BOOTED_AT, bootedAt.toString());
                return null;
            });
            ProtocolCodec codec = new ProtocolCodec();
            Outbox outbox = new Outbox(store, codec, identity.node(), clock);
            ServerKinds serverKinds = new ServerKinds(store);
            Workloads workloads =
                    Workloads.start(store, outbox, WorkloadSettings.of(config), artifactsFor.apply(store));
            parts.push(workloads);
            // The local bus takes device news from the first collect on; it needs no cloud at all.
            Optional<LocalBus> localBus =
                    BusSettings.of(config, identity.node()).map(LocalBus::new);
            // The local API answers from the store, so it serves with or without the cloud.
            if (config.localApiPort().isPresent()) {
                parts.push(
                        LocalApi.start(config.dataDir(), config.localApiPort().getAsInt(), clock));
            }
            // Devices start from the store too, before the link: sessions, rules and telemetry run offline.
            DeviceManager devices = DeviceManager.start(
                    store,
                    outbox,
                    DeviceSettings.of(config),
                    TelemetrySettings.of(config),
                    (rule, workload) -> workloads.restart(workload, "rule " + rule),
                    localBus.<DeviceFeed>map(bus -> bus).orElse(DeviceFeed.NONE),
                    serverKinds::accepts);
            parts.push(devices);
            localBus.ifPresent(bus -> {
                bus.start(devices::setDesired);
                parts.push(bus); // stops before the devices: its last word is the daemon going Offline
            });
            List<ResourceApplier> allAppliers = new ArrayList<>(appliers);
            allAppliers.add(Workloads.applier());
            allAppliers.addAll(DeviceManager.appliers());
            SyncApplier sync = new SyncApplier(store, allAppliers);
            sync.onCommitted(workloads::wake);
            sync.onCommitted(devices::wake);
            MqttLink link = new MqttLink(
                    LinkSettings.of(config, identity),
                    outbox,
                    store,
                    codec,
                    clock,
                    () -> new Hello(
                            AgentVersion.current(),
                            sync.appliedVersion(),
                            outbox.counters().lastSeq(),
                            bootedAt),
                    Map.of(
                            MessageKind.SYNC,
                            new SyncCommandHandler(sync),
                            MessageKind.TELEMETRY_ACK,
                            devices.telemetrySender().handler(),
                            MessageKind.LOGS,
                            new RemoteLogs(config.dataDir())),
                    serverKinds);
            parts.push(link);
            devices.attach(new TelemetryLink() {
                @Override
                public boolean connected() {
                    return link.connected();
                }

                @Override
                public java.util.concurrent.CompletionStage<io.edgefleet.edge.outbox.PublishOutcome> publish(
                        TelemetryBatch batch) {
                    return link.publishTelemetry(batch);
                }
            });
            parts.push(NodeWatch.start(
                    store.file().getParent(), new NodeStatusReporter(store, outbox), clock, NodeWatch.DEFAULT_PERIOD));
            link.start();
            LOG.info(
                    "EF3030 edge daemon {} started: node {} of tenant {}, store {}",
                    AgentVersion.current(),
                    identity.node(),
                    identity.tenant(),
                    store.file());
            return new EdgeDaemon(parts, store, identity, outbox, sync, workloads, devices, localBus, link);
        } catch (RuntimeException e) {
            closeAll(parts);
            throw e;
        }
    }

    public EdgeStore store() {
        return store;
    }

    public Identity identity() {
        return identity;
    }

    public Outbox outbox() {
        return outbox;
    }

    public SyncApplier sync() {
        return sync;
    }

    public Workloads workloads() {
        return workloads;
    }

    public DeviceManager devices() {
        return devices;
    }

    /** The local bus, when {@code local-bus-url} is set. */
    public Optional<LocalBus> localBus() {
        return localBus;
    }

    public MqttLink link() {
        return link;
    }

    /** Stops the link (heartbeats, disconnect), closes the store, releases the data directory. */
    @Override
    public void close() {
        LOG.info("EF3031 edge daemon stopping");
        closeAll(parts);
    }

    private static void closeAll(Deque<AutoCloseable> parts) {
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("EF3031 stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
