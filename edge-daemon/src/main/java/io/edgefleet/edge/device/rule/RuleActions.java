package io.edgefleet.edge.device.rule;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What rule actions act on. The device manager implements {@link #writeProperty} with the same
 * edge-set path as the {@code set} command; the daemon wires {@link #restartWorkload} to the
 * workload runtime; {@link #raiseEvent} goes to the outbox.
 */
public interface RuleActions {

    /** Sets an edge desired value, {@code by = rule:<name>}; returns why it was refused, if it was. */
    java.util.Optional<String> writeProperty(String rule, String device, String property, JsonNode value);

    /** Restarts a workload of this node; returns why it could not, if it could not. */
    java.util.Optional<String> restartWorkload(String rule, String workload);

    /** Sends an event upstream through the outbox (reliable: it arrives after the link returns). */
    void raiseEvent(io.edgefleet.protocol.EdgeEvent event);
}
