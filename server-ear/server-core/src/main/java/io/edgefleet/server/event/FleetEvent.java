package io.edgefleet.server.event;

import java.time.Instant;
import java.util.Optional;

/**
 * An event as the REST API and the watch stream show it.
 *
 * @param id increasing in the order events were recorded; {@code before} pages by it
 */
public record FleetEvent(
        long id,
        Instant time,
        EventType type,
        String reason,
        String involvedKind,
        String involvedName,
        Optional<String> node,
        String message,
        String actor) {

    static FleetEvent of(long id, Instant time, NewEvent event) {
        return new FleetEvent(
                id,
                time,
                event.type(),
                event.reason(),
                event.involvedKind(),
                event.involvedName(),
                event.node(),
                event.message(),
                event.actor());
    }
}
