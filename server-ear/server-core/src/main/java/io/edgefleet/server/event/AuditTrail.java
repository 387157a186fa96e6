package io.edgefleet.server.event;

import io.edgefleet.server.resource.ChangeLog;
import io.edgefleet.server.resource.ResourceChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The audit half of events: every change a person makes through the API (not the system, not a node)
 * becomes an event naming who did it, recorded in the change's own transaction, so no change commits
 * without its audit record.
 */
@ApplicationScoped
public class AuditTrail {
    /** Changes not made by a person: the server itself, nodes and what runs on them. */
    private static final Set<String> NOT_PEOPLE_PREFIXES = Set.of("system", "node:", "edge:", "rule:");

    @Inject
    Events events;

    void onChange(@Observes ResourceChanged change) {
        if (Events.KIND.equals(change.kind()) || !byPerson(change.changedBy())) {
            return;
        }
        events.record(change.tenant(), audit(change), change.at());
    }

    static boolean byPerson(String changedBy) {
        return NOT_PEOPLE_PREFIXES.stream().noneMatch(changedBy::startsWith);
    }

    static NewEvent audit(ResourceChanged change) {
        String reason = "Twin".equals(change.kind()) ? "DesiredChanged" : reason(change.operation());
        String what = "Twin".equals(change.kind())
                ? "desired values of device " + change.name() + " changed"
                : change.kind() + " " + change.name() + " " + reason.toLowerCase(Locale.ROOT);
        return new NewEvent(
                EventType.NORMAL,
                reason,
                change.kind(),
                change.name(),
                // A node's own changes belong to its events; other kinds name their node in the JSON only.
                "Node".equals(change.kind()) ? Optional.of(change.name()) : Optional.empty(),
                what + " by " + change.changedBy(),
                change.changedBy());
    }

    private static String reason(ChangeLog.Operation operation) {
        return switch (operation) {
            case ADDED -> "Created";
            case MODIFIED -> "Updated";
            case DELETED -> "Deleted";
        };
    }
}
