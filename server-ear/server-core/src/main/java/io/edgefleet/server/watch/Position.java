package io.edgefleet.server.watch;

/**
 * A tenant's place in its change log.
 *
 * @param current the tenant's resourceVersion
 * @param compacted rows at or below this version may have been deleted
 */
public record Position(long current, long compacted) {}
