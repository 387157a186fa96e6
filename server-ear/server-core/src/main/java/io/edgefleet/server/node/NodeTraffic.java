package io.edgefleet.server.node;

import io.edgefleet.protocol.Hello;
import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What edge traffic does to nodes, one transaction per message (or per heartbeat batch). Reliable
 * messages take the node's row lock and follow {@link SequenceRule}, so their effect and the cursor
 * advance commit together: applied exactly once and in order, whichever cluster member received them.
 */
@ApplicationScoped
@Transactional
public class NodeTraffic {
    private static final int IN_CHUNK = 500;

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    Tenants tenants;

    /** {@code hello}: the node is Online; returns where its reliable stream and desired state stand. */
    public TrafficOutcome hello(TenantRef tenant, String name, Hello hello, Instant now) {
        Optional<NodeEntity> found = lock(tenant, name);
        if (found.isEmpty()) {
            return new TrafficOutcome.UnknownNode();
        }
        NodeEntity node = found.get();
        boolean cameOnline = node.seen(now);
        node.describe(hello.agentVersion(), node.os(), node.arch(), node.hostname());
        node.appliedVersion(hello.appliedVersion());
        return new TrafficOutcome.Recorded(node.lastAppliedSeq(), tenants.currentVersion(tenant), cameOnline);
    }

    /** The effect of one reliable message, run under the node's row lock in the message's transaction. */
    @FunctionalInterface
    public interface ReliableEffect {
        void apply(NodeEntity node);
    }

    /**
     * Applies a reliable message of any kind: {@code effect} runs only when {@code seq} is the next
     * of the node's stream, and commits together with the cursor's advance (decision record 0001).
     */
    public TrafficOutcome reliable(TenantRef tenant, String name, long seq, Instant now, ReliableEffect effect) {
        Optional<NodeEntity> found = lock(tenant, name);
        if (found.isEmpty()) {
            return new TrafficOutcome.UnknownNode();
        }
        NodeEntity node = found.get();
        boolean cameOnline = node.seen(now);
        return switch (SequenceRule.decide(node.lastAppliedSeq(), seq)) {
            case SequenceRule.Decision.Apply apply -> {
                effect.apply(node);
                node.lastAppliedSeq(apply.seq());
                yield new TrafficOutcome.Applied(apply.seq(), cameOnline);
            }
            case SequenceRule.Decision.Duplicate duplicate ->
                new TrafficOutcome.Duplicate(duplicate.lastApplied(), cameOnline);
            case SequenceRule.Decision.OutOfOrder gap -> new TrafficOutcome.OutOfOrder(gap.expected(), seq, cameOnline);
        };
    }

    /** The effect of the {@code index}-th message of a batch, run under the node's row lock in the batch's transaction. */
    @FunctionalInterface
    public interface BatchEffect {
        void apply(NodeEntity node, int index);
    }

    /**
     * Applies a node's queued reliable messages ({@code seqs}, in arrival order) in one transaction
     * under one row lock (decision record 0008): each is decided by {@link SequenceRule} against the
     * cursor as it advances, exactly as if they came one at a time, and {@code effect} runs for those
     * that apply. Returns one outcome per message; only the first can say the node came online.
     */
    public List<TrafficOutcome> reliableAll(
            TenantRef tenant, String name, List<Long> seqs, Instant now, BatchEffect effect) {
        Optional<NodeEntity> found = lock(tenant, name);
        if (found.isEmpty()) {
            return java.util.Collections.nCopies(seqs.size(), new TrafficOutcome.UnknownNode());
        }
        NodeEntity node = found.get();
        boolean cameOnline = node.seen(now);
        List<TrafficOutcome> outcomes = new ArrayList<>(seqs.size());
        for (int i = 0; i < seqs.size(); i++) {
            long seq = seqs.get(i);
            switch (SequenceRule.decide(node.lastAppliedSeq(), seq)) {
                case SequenceRule.Decision.Apply apply -> {
                    effect.apply(node, i);
                    node.lastAppliedSeq(apply.seq());
                    outcomes.add(new TrafficOutcome.Applied(apply.seq(), cameOnline));
                }
                case SequenceRule.Decision.Duplicate duplicate ->
                    outcomes.add(new TrafficOutcome.Duplicate(duplicate.lastApplied(), cameOnline));
                case SequenceRule.Decision.OutOfOrder gap ->
                    outcomes.add(new TrafficOutcome.OutOfOrder(gap.expected(), seq, cameOnline));
            }
            cameOnline = false;
        }
        return outcomes;
    }

    /** {@code sync-result}: the version the node has committed. */
    public TrafficOutcome syncResult(TenantRef tenant, String name, long appliedVersion, Instant now) {
        Optional<NodeEntity> found = lock(tenant, name);
        if (found.isEmpty()) {
            return new TrafficOutcome.UnknownNode();
        }
        NodeEntity node = found.get();
        boolean cameOnline = node.seen(now);
        node.appliedVersion(appliedVersion);
        return new TrafficOutcome.Recorded(node.lastAppliedSeq(), tenants.currentVersion(tenant), cameOnline);
    }

    /** What a heartbeat flush found: nodes that came (back) Online, and names no node has. */
    public record HeartbeatResult(List<String> cameOnline, List<String> unknown) {
        public HeartbeatResult {
            cameOnline = List.copyOf(cameOnline);
            unknown = List.copyOf(unknown);
        }
    }

    /**
     * Writes a batch of heartbeats of one tenant: one UPDATE per distinct outbox depth (almost always
     * one, depth 0) and chunk of names, instead of one per node. lastSeen is the earliest receipt time
     * in the group, so it never claims a node was heard later than it was.
     */
    public HeartbeatResult heartbeats(TenantRef tenant, List<HeartbeatBuffer.Seen> batch) {
        List<String> cameOnline = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += IN_CHUNK) {
            List<HeartbeatBuffer.Seen> chunk = batch.subList(from, Math.min(batch.size(), from + IN_CHUNK));
            Map<String, NodePhase> phases = phases(
                    tenant, chunk.stream().map(HeartbeatBuffer.Seen::node).toList());
            Map<Long, List<HeartbeatBuffer.Seen>> byDepth = new TreeMap<>();
            for (HeartbeatBuffer.Seen seen : chunk) {
                NodePhase phase = phases.get(seen.node());
                if (phase == null) {
                    unknown.add(seen.node());
                    continue;
                }
                if (phase != NodePhase.ONLINE) {
                    cameOnline.add(seen.node());
                }
                byDepth.computeIfAbsent(seen.outboxDepth(), d -> new ArrayList<>())
                        .add(seen);
            }
            byDepth.forEach((depth, group) -> em.createQuery("UPDATE NodeEntity n SET n.lastSeen = :at,"
                            + " n.outboxDepth = :depth, n.phase = :online"
                            + " WHERE n.tenantId = :tenant AND n.name IN :names")
                    .setParameter("at", earliest(group))
                    .setParameter("depth", depth)
                    .setParameter("online", NodePhase.ONLINE)
                    .setParameter("tenant", tenant.id())
                    .setParameter(
                            "names",
                            group.stream().map(HeartbeatBuffer.Seen::node).toList())
                    .executeUpdate());
        }
        return new HeartbeatResult(cameOnline, unknown);
    }

    /** A node the lease sweep turned Offline. */
    public record OfflineTransition(long tenantId, String node, Instant lastSeen) {}

    /**
     * Turns Online nodes silent since before {@code cutoff} Offline. Each transition is a conditional
     * UPDATE that only one cluster member can win, so every member may sweep at once and each
     * transition is reported exactly once.
     */
    public List<OfflineTransition> sweep(Instant cutoff, int max) {
        List<Object[]> candidates = em.createQuery(
                        "SELECT n.id, n.tenantId, n.name, n.lastSeen FROM NodeEntity n"
                                + " WHERE n.phase = :online AND n.lastSeen < :cutoff ORDER BY n.lastSeen",
                        Object[].class)
                .setParameter("online", NodePhase.ONLINE)
                .setParameter("cutoff", cutoff)
                .setMaxResults(max)
                .getResultList();
        List<OfflineTransition> transitions = new ArrayList<>();
        for (Object[] row : candidates) {
            int changed = em.createQuery("UPDATE NodeEntity n SET n.phase = :offline"
                            + " WHERE n.id = :id AND n.phase = :online AND n.lastSeen < :cutoff")
                    .setParameter("offline", NodePhase.OFFLINE)
                    .setParameter("online", NodePhase.ONLINE)
                    .setParameter("id", row[0])
                    .setParameter("cutoff", cutoff)
                    .executeUpdate();
            if (changed == 1) {
                transitions.add(new OfflineTransition((Long) row[1], (String) row[2], (Instant) row[3]));
            }
        }
        return transitions;
    }

    /** Number of nodes per phase, over all tenants (for the metrics gauge). */
    public Map<NodePhase, Long> countByPhase() {
        Map<NodePhase, Long> counts = new EnumMap<>(NodePhase.class);
        for (NodePhase phase : NodePhase.values()) {
            counts.put(phase, 0L);
        }
        em.createQuery("SELECT n.phase, COUNT(n) FROM NodeEntity n GROUP BY n.phase", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((NodePhase) row[0], (Long) row[1]));
        return counts;
    }

    private Optional<NodeEntity> lock(TenantRef tenant, String name) {
        return em.createQuery(
                        "SELECT n FROM NodeEntity n WHERE n.tenantId = :tenant AND n.name = :name", NodeEntity.class)
                .setParameter("tenant", tenant.id())
                .setParameter("name", name)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    private Map<String, NodePhase> phases(TenantRef tenant, List<String> names) {
        Map<String, NodePhase> phases = new HashMap<>();
        em.createQuery(
                        "SELECT n.name, n.phase FROM NodeEntity n WHERE n.tenantId = :tenant AND n.name IN :names",
                        Object[].class)
                .setParameter("tenant", tenant.id())
                .setParameter("names", names)
                .getResultList()
                .forEach(row -> phases.put((String) row[0], (NodePhase) row[1]));
        return phases;
    }

    private static Instant earliest(List<HeartbeatBuffer.Seen> group) {
        return group.stream()
                .map(HeartbeatBuffer.Seen::at)
                .min(Instant::compareTo)
                .orElseThrow();
    }
}
