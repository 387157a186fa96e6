package io.edgefleet.server.event;

import java.util.Optional;

/**
 * Which events to list, newest first. Every filter is optional and they combine with AND.
 *
 * @param before only events with a smaller id: the next page after a page ending at that id
 */
public record EventQuery(
        Optional<String> node,
        Optional<String> involvedKind,
        Optional<String> involvedName,
        Optional<EventType> type,
        Optional<String> reason,
        Optional<Long> before,
        int limit) {}
