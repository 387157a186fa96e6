package io.edgefleet.edge.node;

import io.edgefleet.edge.outbox.Outbox;
import io.edgefleet.edge.outbox.OutboxEntry;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.edge.store.MetaKey;
import io.edgefleet.protocol.NodeStatusReport;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues a {@code node-status} report in the outbox when what the node is, or a condition's status or
 * reason, has changed since the last report, so that a restart does not queue a duplicate (a condition's
 * figures and transition time alone do not make a change: a disk filling by a byte is no news). Comparison and append happen in one
 * transaction: a crash between them cannot lose the report or send it twice.
 */
public final class NodeStatusReporter {
    private static final Logger LOG = LoggerFactory.getLogger(NodeStatusReporter.class);

    private final EdgeStore store;
    private final Outbox outbox;

    public NodeStatusReporter(EdgeStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    /** Appends {@code report} unless it equals the last one appended; returns the new entry if any. */
    public Optional<OutboxEntry> reportIfChanged(NodeStatusReport report) {
        String fingerprint = fingerprint(report);
        return store.inTransaction(tx -> {
            if (tx.meta(MetaKey.LAST_NODE_STATUS).filter(fingerprint::equals).isPresent()) {
                return Optional.<OutboxEntry>empty();
            }
            OutboxEntry entry = outbox.append(tx, report);
            tx.putMeta(MetaKey.LAST_NODE_STATUS, fingerprint);
            LOG.info(
                    "EF3020 node-status queued as seq {}: {} {} {}, {} cpus, {} MB, agent {}, conditions {}",
                    entry.seq(),
                    report.hostname(),
                    report.os(),
                    report.arch(),
                    report.cpus(),
                    report.memoryMb(),
                    report.agentVersion(),
                    report.conditions().stream()
                            .map(c -> c.type() + "=" + c.status() + " (" + c.message() + ")")
                            .toList());
            return Optional.of(entry);
        });
    }

    /** A stable text form of the report: field order fixed here, not by a toString format. */
    static String fingerprint(NodeStatusReport report) {
        return String.join(
                "\n",
                report.agentVersion(),
                report.os(),
                report.arch(),
                report.hostname(),
                Integer.toString(report.cpus()),
                Long.toString(report.memoryMb()),
                report.conditions().stream()
                        .map(c -> c.type() + "=" + c.status() + "/" + c.reason())
                        .collect(java.util.stream.Collectors.joining(",")));
    }
}
