package io.edgefleet.desktop.api;

import java.util.Optional;

/**
 * One Server-Sent Event: {@code id} (the resourceVersion of a change; none for instance events),
 * {@code event} (ADDED, MODIFIED, DELETED, instance; "message" when the server named none) and {@code data}.
 */
public record SseEvent(Optional<String> id, String event, String data) {}
