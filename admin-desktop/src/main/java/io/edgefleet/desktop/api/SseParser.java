package io.edgefleet.desktop.api;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The text/event-stream format read one line at a time (WHATWG HTML, "Server-sent events"): fields
 * {@code id}, {@code event}, {@code data} (several data lines join with a newline), comments start
 * with a colon, an empty line ends an event. Not thread-safe: one parser per stream.
 */
public final class SseParser {
    private final Consumer<SseEvent> sink;
    private final StringBuilder data = new StringBuilder();
    private String event = "";
    private Optional<String> id = Optional.empty();
    private boolean hasData;

    public SseParser(Consumer<SseEvent> sink) {
        this.sink = sink;
    }

    public void line(String line) {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.charAt(0) == ':') {
            return; // a comment: the server's keep-alive
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "event" -> event = value;
            case "id" -> id = value.isEmpty() ? Optional.empty() : Optional.of(value);
            default -> {
                // retry and unknown fields: reconnect timing is the desktop's own (Backoff).
            }
        }
    }

    private void dispatch() {
        if (hasData) {
            sink.accept(new SseEvent(id, event.isEmpty() ? "message" : event, data.toString()));
        }
        data.setLength(0);
        hasData = false;
        event = "";
        id = Optional.empty();
    }
}
