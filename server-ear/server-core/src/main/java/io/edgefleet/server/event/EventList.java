package io.edgefleet.server.event;

import java.util.List;
import java.util.Optional;

/**
 * A page of events, newest first.
 *
 * @param resourceVersion the tenant's version when the page was read: watch {@code /watch/events} from
 *     it to get every later event
 * @param nextBefore pass as {@code before} for the next (older) page; absent on the last page
 */
public record EventList(List<FleetEvent> items, long resourceVersion, Optional<Long> nextBefore) {
    public EventList {
        items = List.copyOf(items);
    }
}
