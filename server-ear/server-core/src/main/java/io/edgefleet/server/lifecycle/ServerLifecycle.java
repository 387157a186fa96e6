package io.edgefleet.server.lifecycle;

import io.edgefleet.server.edge.CommandAnswers;
import io.edgefleet.server.edge.EdgeLinkRunner;
import io.edgefleet.server.edge.EdgeMetrics;
import io.edgefleet.server.edge.EdgeTraffic;
import io.edgefleet.server.edge.KeyedSerialExecutor;
import io.edgefleet.server.edge.LinkSettings;
import io.edgefleet.server.edge.LivenessTasks;
import io.edgefleet.server.event.EventRetention;
import io.edgefleet.server.link.NodeAuthenticator;
import io.edgefleet.server.link.UpstreamHandler;
import io.edgefleet.server.node.HeartbeatBuffer;
import io.edgefleet.server.node.LivenessSettings;
import io.edgefleet.server.node.NodeEvents;
import io.edgefleet.server.node.NodeTraffic;
import io.edgefleet.server.persistence.Migrations;
import io.edgefleet.server.persistence.SchemaCheck;
import io.edgefleet.server.security.AdminBootstrap;
import io.edgefleet.server.security.AdminSettings;
import io.edgefleet.server.security.NodeCredentials;
import io.edgefleet.server.sync.SyncPusher;
import io.edgefleet.server.sync.WorkloadJobs;
import io.edgefleet.server.telemetry.ReadingRetention;
import io.edgefleet.server.telemetry.TelemetryTraffic;
import io.edgefleet.server.tenant.Tenants;
import io.edgefleet.server.twin.TwinTraffic;
import io.edgefleet.server.workload.Rollouts;
import io.edgefleet.server.workload.WorkloadTraffic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the server up in order and down in reverse: migrate the database, check the mapping, create
 * the first admin, start the liveness tasks, then the edge link (broker and MQTT). Ready only when all
 * of it ran and the link is connected.
 */
@ApplicationScoped
public class ServerLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ServerLifecycle.class);
    private static final Duration HEARTBEAT_FLUSH = Duration.ofSeconds(1);

    @PersistenceUnit(unitName = "fleet")
    EntityManagerFactory entityManagerFactory;

    @Inject
    AdminBootstrap adminBootstrap;

    @Inject
    AdminSettings adminSettings;

    @Inject
    LinkSettings linkSettings;

    @Inject
    LivenessSettings livenessSettings;

    @Inject
    NodeTraffic nodeTraffic;

    @Inject
    NodeCredentials nodeCredentials;

    @Inject
    Tenants tenants;

    @Inject
    EdgeMetrics metrics;

    @Inject
    EdgeLinkRunner linkRunner;

    @Inject
    Readiness readiness;

    @Inject
    SyncPusher syncPusher;

    @Inject
    WorkloadTraffic workloadTraffic;

    @Inject
    WorkloadJobs workloadJobs;

    @Inject
    Rollouts rollouts;

    @Inject
    TelemetryTraffic telemetryTraffic;

    @Inject
    TwinTraffic twinTraffic;

    @Inject
    ReadingRetention readingRetention;

    @Inject
    EventRetention eventRetention;

    @Inject
    NodeEvents phaseEvents;

    @Inject
    CommandAnswers commandAnswers;

    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private LivenessTasks liveness;

    public synchronized void start(ContainerServices container) {
        LOG.info("EF1015 starting: {}, {}", linkSettings, livenessSettings);
        Migrations.migrate(container.dataSource());
        SchemaCheck.validate(entityManagerFactory);
        readiness.migrated();
        adminBootstrap.ensureAdmin(adminSettings);

        Clock clock = Clock.systemUTC();
        HeartbeatBuffer heartbeats = new HeartbeatBuffer();
        liveness = new LivenessTasks(nodeTraffic, tenants, heartbeats, livenessSettings, metrics, phaseEvents, clock);
        tasks.add(container
                .scheduler()
                .scheduleWithFixedDelay(
                        liveness::flushHeartbeats,
                        HEARTBEAT_FLUSH.toMillis(),
                        HEARTBEAT_FLUSH.toMillis(),
                        TimeUnit.MILLISECONDS));
        long sweepMillis = livenessSettings.sweepInterval().toMillis();
        tasks.add(container.scheduler().scheduleWithFixedDelay(liveness::sweep, 0, sweepMillis, TimeUnit.MILLISECONDS));

        EdgeTraffic traffic = new EdgeTraffic(
                nodeTraffic,
                tenants,
                heartbeats,
                new KeyedSerialExecutor(container.executor()),
                linkRunner,
                metrics,
                new EdgeTraffic.WorkloadSide(syncPusher, workloadTraffic, rollouts),
                telemetryTraffic,
                twinTraffic,
                phaseEvents,
                commandAnswers,
                clock);
        // The link and the broker call these on their own threads, which carry no application context
        // (class loader, JNDI, transactions): the contextual proxies supply the context captured here.
        UpstreamHandler handler = container.contextService().createContextualProxy(traffic, UpstreamHandler.class);
        NodeAuthenticator authenticator =
                container.contextService().createContextualProxy(nodeCredentials, NodeAuthenticator.class);
        linkRunner.start(handler, authenticator);
        syncPusher.start(container.executor(), linkRunner);
        tasks.addAll(workloadJobs.schedule(container.scheduler()));
        tasks.add(readingRetention.schedule(container.scheduler()));
        tasks.add(eventRetention.schedule(container.scheduler()));
        tasks.add(commandAnswers.scheduleSweep(container.scheduler(), clock));
        readiness.started();
        LOG.info("EF1016 EdgeFleet server started");
    }

    public synchronized void stop() {
        tasks.forEach(task -> task.cancel(false));
        tasks.clear();
        syncPusher.stop();
        linkRunner.stop();
        if (liveness != null) {
            // Write what is buffered, so a clean shutdown loses no lastSeen update.
            liveness.flushHeartbeats();
        }
        LOG.info("EF1017 EdgeFleet server stopped");
    }
}
