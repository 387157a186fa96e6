package io.edgefleet.server.event;

import java.util.Optional;

/**
 * An event about to be recorded.
 *
 * @param reason a short CamelCase word that filters well: {@code NodeOffline}, {@code WorkloadFailed}
 * @param involvedKind the kind of the resource it is about: {@code Node}, {@code Workload}, {@code Device}
 * @param node the node it happened on or concerns, when there is one
 * @param actor {@code system}, {@code node:<name>} or the user who made the change
 */
public record NewEvent(
        EventType type,
        String reason,
        String involvedKind,
        String involvedName,
        Optional<String> node,
        String message,
        String actor) {
    /** The column's width: longer messages are cut, not refused (an event must never fail its cause). */
    static final int MAX_MESSAGE = 1024;

    public NewEvent {
        message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 1) + "…" : message;
    }

    public static NewEvent system(
            EventType type, String reason, String involvedKind, String involvedName, String node, String message) {
        return new NewEvent(type, reason, involvedKind, involvedName, Optional.of(node), message, "system");
    }
}
