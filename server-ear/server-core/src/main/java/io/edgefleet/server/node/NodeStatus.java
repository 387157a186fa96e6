package io.edgefleet.server.node;

import io.edgefleet.protocol.NodeCondition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the server observed of a node. Written by edge traffic, never by the REST API.
 *
 * @param lastSeen when the server last received anything from the node; absent while Pending
 * @param appliedVersion the desired-state version the node last reported as committed
 * @param outboxDepth reliable messages waiting in the node's outbox, from its last heartbeat
 * @param conditions what the node last reported of its disk and memory ({@code DiskPressure}, {@code
 *     MemoryPressure}: True = short of it), sorted by type; empty until it reports any
 */
public record NodeStatus(
        NodePhase phase,
        Optional<Instant> lastSeen,
        String agentVersion,
        String os,
        String arch,
        String hostname,
        int cpus,
        long memoryMb,
        long appliedVersion,
        long outboxDepth,
        List<NodeCondition> conditions) {}
