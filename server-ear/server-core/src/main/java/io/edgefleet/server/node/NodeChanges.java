package io.edgefleet.server.node;

import io.edgefleet.server.resource.ChangeLog;
import io.edgefleet.server.resource.SpecRows;
import io.edgefleet.server.tenant.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The change-log rows of nodes, which {@code /watch/nodes} streams: enrolment, relabelling, deletion
 * and phase changes (Online, Offline). Heartbeats that change only lastSeen are not written: a fleet
 * of 10,000 nodes would otherwise write thousands of rows a minute that say nothing new.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class NodeChanges {
    public static final String KIND = "Node";

    @Inject
    ChangeLog changeLog;

    public void log(
            TenantRef tenant, NodeEntity node, ChangeLog.Operation operation, long version, String by, Instant now) {
        changeLog.append(
                tenant, version, KIND, node.name(), operation, SpecRows.write(Node.of(node, tenant.name())), by, now);
    }
}
