package io.edgefleet.desktop.event;

import java.util.Locale;

/**
 * Which events to show: a type (empty for all), and a text that must occur in the reason, the
 * involved object, the node or the message.
 */
public record EventFilter(String type, String text) {
    public static final EventFilter ALL = new EventFilter("", "");

    public boolean matches(FleetEvent event) {
        if (!type.isEmpty() && !type.equals(event.type())) {
            return false;
        }
        if (text.isBlank()) {
            return true;
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return (event.reason() + " " + event.involvedKind() + " " + event.involvedName() + " " + event.node() + " "
                        + event.message() + " " + event.actor())
                .toLowerCase(Locale.ROOT)
                .contains(wanted);
    }
}
