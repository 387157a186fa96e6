package io.edgefleet.server.telemetry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Telemetry at {@code /metrics}: {@code edgefleet_telemetry_readings_stored_total}, {@code
 * edgefleet_telemetry_batches_total{outcome}} (stored, resend, gap, unknown-node), {@code
 * edgefleet_telemetry_counter_resets_total}, {@code edgefleet_telemetry_readings_refused_total{reason}}
 * ({@link RefusalReason}), {@code edgefleet_telemetry_readings_dropped_by_nodes_total} (what the nodes
 * reported they dropped from their bounded buffers) and {@code edgefleet_telemetry_readings_purged_total}.
 */
@ApplicationScoped
public class TelemetryMetrics {
    @Inject
    MetricRegistry registry;

    public void batch(String outcome) {
        counter(
                "edgefleet_telemetry_batches",
                "Telemetry batches received, by outcome",
                1,
                new Tag("outcome", outcome));
    }

    public void stored(int readings) {
        counter("edgefleet_telemetry_readings_stored", "Readings stored in the history", readings);
    }

    public void reset() {
        counter("edgefleet_telemetry_counter_resets", "Telemetry batch counters that restarted at 1", 1);
    }

    public void refused(RefusalReason reason, int readings) {
        counter(
                "edgefleet_telemetry_readings_refused",
                "Readings not stored, by reason",
                readings,
                new Tag("reason", reason.wireName()));
    }

    public void droppedByNodes(long readings) {
        counter(
                "edgefleet_telemetry_readings_dropped_by_nodes",
                "Readings the nodes dropped from their bounded buffers before sending",
                readings);
    }

    public void purged(long readings) {
        counter("edgefleet_telemetry_readings_purged", "Readings deleted after the retention", readings);
    }

    private void counter(String name, String description, long amount, Tag... tags) {
        if (amount <= 0) {
            return;
        }
        registry.counter(
                        Metadata.builder()
                                .withName(name)
                                .withDescription(description)
                                .build(),
                        tags)
                .inc(amount);
    }
}
