package io.edgefleet.server.node;

import java.time.Instant;
import java.util.Optional;

/**
 * What the server observed of a node. Written by edge traffic, never by the REST API.
 *
 * @param lastSeen when the server last received anything from the node; absent while Pending
 * @param appliedVersion the desired-state version the node last reported as committed
 * @param outboxDepth reliable messages waiting in the node's outbox, from its last heartbeat
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
        long outboxDepth) {}
