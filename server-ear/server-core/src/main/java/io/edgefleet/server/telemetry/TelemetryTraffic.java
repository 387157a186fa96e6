package io.edgefleet.server.telemetry;

import io.edgefleet.protocol.TelemetryAck;
import io.edgefleet.protocol.TelemetryBatch;
import io.edgefleet.server.edge.Throttle;
import io.edgefleet.server.tenant.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code telemetry-batch} from the edge: stored by {@link TelemetryStore} in its own transaction (on the
 * node's serial executor, so a node's batches never race), then counted and logged. Returns the
 * {@link TelemetryAck} to send after the commit, or empty when none is due (a gap, an unknown node).
 */
@ApplicationScoped
public class TelemetryTraffic {
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryTraffic.class);
    private static final Duration LOG_INTERVAL = Duration.ofMinutes(5);

    @Inject
    TelemetryStore store;

    @Inject
    TelemetryMetrics metrics;

    private final Throttle refusals = new Throttle(LOG_INTERVAL, Clock.systemUTC());
    private final Throttle unknownNodes = new Throttle(LOG_INTERVAL, Clock.systemUTC());
    private final Throttle drops = new Throttle(LOG_INTERVAL, Clock.systemUTC());

    public Optional<TelemetryAck> apply(TenantRef tenant, String node, TelemetryBatch batch) {
        IngestOutcome outcome = store.ingest(tenant, node, batch);
        String subject = tenant.name() + "/" + node;
        return switch (outcome) {
            case IngestOutcome.Stored stored -> {
                stored(tenant, node, subject, stored);
                yield Optional.of(new TelemetryAck(stored.upToBatch()));
            }
            case IngestOutcome.Resend resend -> {
                metrics.batch("resend");
                yield Optional.of(new TelemetryAck(resend.upToBatch()));
            }
            case IngestOutcome.Gap gap -> {
                metrics.batch("gap");
                LOG.debug(
                        "node {} sent telemetry batch {} while {} is due; ignored",
                        node,
                        gap.received(),
                        gap.expected());
                yield Optional.empty();
            }
            case IngestOutcome.UnknownNode unknown -> {
                metrics.batch("unknown-node");
                if (unknownNodes.allow(subject)) {
                    LOG.warn(
                            "EF1501 dropped telemetry batch {} from node {} of tenant {}: unknown node"
                                    + " (further ones are not logged for 5 minutes)",
                            batch.batch(),
                            node,
                            tenant.name());
                }
                yield Optional.empty();
            }
        };
    }

    private void stored(TenantRef tenant, String node, String subject, IngestOutcome.Stored stored) {
        metrics.batch("stored");
        metrics.stored(stored.stored());
        metrics.droppedByNodes(stored.dropped());
        if (stored.reset()) {
            metrics.reset();
            LOG.info("EF1502 node {} of tenant {} restarted its telemetry batches at 1", node, tenant.name());
        }
        stored.refused().forEach(metrics::refused);
        if (!stored.refused().isEmpty() && refusals.allow(subject)) {
            LOG.warn(
                    "EF1500 node {} of tenant {} sent readings that were not stored: {} (devices {});"
                            + " further ones are not logged for 5 minutes",
                    node,
                    tenant.name(),
                    stored.refused(),
                    stored.refusedDevices());
        }
        if (stored.dropped() > 0 && drops.allow(subject)) {
            LOG.warn(
                    "EF1503 node {} of tenant {} dropped {} reading(s) from its full telemetry buffer before"
                            + " batch {}; further drops are counted, not logged, for 5 minutes",
                    node,
                    tenant.name(),
                    stored.dropped(),
                    stored.upToBatch());
        }
    }
}
