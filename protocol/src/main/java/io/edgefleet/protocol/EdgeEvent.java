package io.edgefleet.protocol;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Something that happened on the node that people should see in the fleet's events: an edge rule
 * fired or cleared, for now. The server records it as it is, with {@code actor = node:<name>}.
 *
 * @param at when it happened on the node (the server keeps this time, not its arrival)
 * @param type {@code Normal} or {@code Warning}
 * @param reason a CamelCase word, e.g. {@code RuleFired}
 * @param involvedKind the kind of the resource it is about, e.g. {@code Rule}
 */
public record EdgeEvent(
        Instant at, String type, String reason, String involvedKind, String involvedName, String message) {
    public static final int MAX_MESSAGE = 1024;
    private static final Set<String> TYPES = Set.of("Normal", "Warning");
    private static final Pattern WORD = Pattern.compile("[A-Z][A-Za-z]{0,63}");

    public EdgeEvent {
        Objects.requireNonNull(at, "at");
        if (!TYPES.contains(type)) {
            throw new ProtocolException("invalid-event", "event type must be Normal or Warning");
        }
        for (String word : new String[] {reason, involvedKind}) {
            if (word == null || !WORD.matcher(word).matches()) {
                throw new ProtocolException("invalid-event", "event reason and involvedKind must be CamelCase words");
            }
        }
        Names.require("event involvedName", involvedName);
        Objects.requireNonNull(message, "message");
        if (message.length() > MAX_MESSAGE) {
            throw new ProtocolException("invalid-event", "event message is longer than " + MAX_MESSAGE + " characters");
        }
    }
}
