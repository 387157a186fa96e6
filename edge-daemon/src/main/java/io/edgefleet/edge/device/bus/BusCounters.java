package io.edgefleet.edge.device.bus;

/**
 * What the local bus did since the daemon started.
 *
 * @param published messages the broker confirmed
 * @param superseded state updates replaced by a newer one of the same topic before they were
 *     published (the bus was down or slower than the devices): the newest state wins
 * @param dropped messages lost for good: answers beyond the queue's bound, new topics beyond the
 *     topic bound, set messages beyond the inbound bound, answers whose publish failed
 * @param accepted desired values from the bus recorded as edge changes
 * @param refused desired values (or whole set messages) from the bus refused
 * @param connects connections to the broker made
 */
public record BusCounters(
        boolean connected, long published, long superseded, long dropped, long accepted, long refused, long connects) {}
