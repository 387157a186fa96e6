package io.edgefleet.server.edge;

import io.edgefleet.protocol.MessageKind;
import io.edgefleet.server.node.NodePhase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Edge-traffic metrics, served by MicroProfile Metrics at {@code /metrics} in Prometheus form
 * ({@code edgefleet_upstream_received_total{kind="hello"}} and so on).
 */
@ApplicationScoped
public class EdgeMetrics {
    @Inject
    MetricRegistry registry;

    private final Map<NodePhase, AtomicLong> nodes = new EnumMap<>(NodePhase.class);

    @PostConstruct
    void registerGauges() {
        for (NodePhase phase : NodePhase.values()) {
            AtomicLong count = new AtomicLong();
            nodes.put(phase, count);
            registry.gauge(
                    Metadata.builder()
                            .withName("edgefleet_nodes")
                            .withDescription("Nodes per phase, over all tenants (refreshed by the lease sweep)")
                            .build(),
                    count,
                    AtomicLong::get,
                    new Tag("phase", phase.wireName()));
        }
    }

    public void received(MessageKind kind) {
        counter("edgefleet_upstream_received", "Upstream messages received", "kind", kind.wireName());
    }

    public void applied() {
        counter("edgefleet_upstream_applied", "Reliable upstream messages applied", "kind", "node-status");
    }

    public void duplicate() {
        counter("edgefleet_upstream_duplicate", "Reliable upstream messages seen before", "kind", "node-status");
    }

    public void outOfOrder() {
        counter(
                "edgefleet_upstream_out_of_order",
                "Reliable upstream messages after a gap (ignored)",
                "kind",
                "node-status");
    }

    /** A message that decoded but could not be used: unknown tenant or node, or a failure. */
    public void dropped(String reason) {
        counter("edgefleet_upstream_dropped", "Upstream messages dropped by the server", "reason", reason);
    }

    /** A message the link refused (malformed, too large, node-mismatch, ...), by its stable code. */
    public void refused(String code) {
        counter("edgefleet_link_refused", "Upstream messages refused by the link", "code", code);
    }

    public void commandNotSent(String kind) {
        counter("edgefleet_commands_unsent", "Commands not sent because the link was down", "kind", kind);
    }

    public void nodeCounts(Map<NodePhase, Long> counts) {
        counts.forEach((phase, count) -> nodes.get(phase).set(count));
    }

    private void counter(String name, String description, String tag, String value) {
        registry.counter(
                        Metadata.builder()
                                .withName(name)
                                .withDescription(description)
                                .build(),
                        new Tag(tag, value))
                .inc();
    }
}
