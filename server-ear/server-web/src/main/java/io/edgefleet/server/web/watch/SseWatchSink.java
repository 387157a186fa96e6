package io.edgefleet.server.web.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.server.watch.WatchEvent;
import io.edgefleet.server.watch.WatchSink;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes watch events to a JAX-RS SSE stream: {@code id} = resourceVersion, {@code event} = the
 * operation, {@code data} = the resource's JSON on one line; instance status as {@code event:
 * instance} without an id; heartbeats as comment lines.
 */
final class SseWatchSink implements WatchSink {
    /** How long one write may take before the client counts as gone. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final SseEventSink sink;
    private final Sse sse;
    private final ObjectMapper json;

    SseWatchSink(SseEventSink sink, Sse sse, ObjectMapper json) {
        this.sink = sink;
        this.sse = sse;
        this.json = json;
    }

    @Override
    public boolean write(WatchEvent event) {
        if (sink.isClosed()) {
            return false;
        }
        try {
            sink.send(toSse(event)).toCompletableFuture().get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    OutboundSseEvent toSse(WatchEvent event) {
        return switch (event) {
            case WatchEvent.Change change ->
                sse.newEventBuilder()
                        .id(Long.toString(change.version()))
                        .name(change.operation())
                        .mediaType(MediaType.TEXT_PLAIN_TYPE)
                        .data(String.class, oneLine(change.objectJson()))
                        .build();
            case WatchEvent.InstanceChange instance ->
                sse.newEventBuilder()
                        .name("instance")
                        .mediaType(MediaType.TEXT_PLAIN_TYPE)
                        .data(String.class, write(instance))
                        .build();
            case WatchEvent.Heartbeat heartbeat ->
                sse.newEventBuilder().comment("keep-alive").build();
        };
    }

    /** The change log holds compact JSON; should a row ever hold line breaks, write it again compactly. */
    String oneLine(String objectJson) {
        if (objectJson.indexOf('\n') < 0 && objectJson.indexOf('\r') < 0) {
            return objectJson;
        }
        try {
            return json.writeValueAsString(json.readTree(objectJson));
        } catch (JsonProcessingException e) {
            return objectJson.replace("\r", "").replace("\n", " ");
        }
    }

    private String write(WatchEvent.InstanceChange instance) {
        try {
            return json.writeValueAsString(instance);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an instance event does not serialize", e);
        }
    }

    @Override
    public void close() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            // The connection is gone already; nothing is left to release.
        }
    }
}
